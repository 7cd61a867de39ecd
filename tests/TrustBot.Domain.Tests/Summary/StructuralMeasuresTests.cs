using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;
using static TrustBot.Domain.Tests.Summary.SummaryRuns;

namespace TrustBot.Domain.Tests.Summary;

/// <summary>
/// Leadership style, fair assessment and living by the charter are measured like the factors and
/// shown on lines of their own, under the same k, without moving the trust index.
/// </summary>
public sealed class StructuralMeasuresTests
{
    private static readonly string[] WithStructure = ["reliability.1", "leadership.1", "assessment.3", "charter.1", "overall"];

    [Fact]
    public void Structural_factors_and_the_charter_item_get_rows_of_their_own_with_their_scores()
    {
        var run = Closed(0, Answers(
            ("reliability.1", [4, 4, 4]), ("leadership.1", [2, 3, 4]), ("assessment.3", [5, 5, 2]), ("charter.1", [3, 3, 3]), ("overall", [4, 4, 4])), itemIds: WithStructure);

        var summary = TeamSummaries.Build([run], []);

        summary.Structural.Select(s => (s.Factor.Id, s.Mean)).Should().Equal(("leadership", 3.0), ("assessment", 4.0));
        summary.CharterInUse!.Mean.Should().Be(3.0);
        summary.CharterInUse.Factor.Should().Be(CharterMeasure.InUse);
        summary.Factors.Select(f => f.Factor.Id).Should().Equal(TrustFactors.All.Select(f => f.Id));
    }

    [Fact]
    public void They_do_not_count_in_the_trust_index_or_the_factor_insights()
    {
        var plain = Closed(0, Answers(("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])), itemIds: ["reliability.1", "overall"]);
        var withLowStructure = Closed(0, Answers(
            ("reliability.1", [4, 4, 4]), ("leadership.1", [1, 1, 1]), ("assessment.3", [1, 1, 1]), ("charter.1", [1, 1, 1]), ("overall", [4, 4, 4])), itemIds: WithStructure);

        var summary = TeamSummaries.Build([withLowStructure], []);

        summary.Latest!.TrustIndex.Should().Be(TeamSummaries.Build([plain], []).Latest!.TrustIndex).And.Be(75);
        summary.Latest.Factors.Keys.Should().Equal("reliability");
        summary.Hindrances.Should().NotContain(h => h.Factor.Id == "leadership" || h.Factor.Id == "assessment" || h.Factor.Id == "charter");
        summary.Weakest.Should().NotBe(StructuralFactors.Leadership);
    }

    [Fact]
    public void A_structural_score_fewer_than_k_gave_is_left_out_like_any_factor()
    {
        // Four answered the run (k = 3), but only two answered the leadership item.
        var answers = Answers(("reliability.1", [4, 4, 4, 4]), ("overall", [4, 4, 4, 4]))
            .Select((a, i) => i < 2 ? a with { Scores = new Dictionary<string, int>(a.Scores) { ["leadership.1"] = 1 } } : a)
            .ToList();
        var run = Closed(0, answers, itemIds: WithStructure);

        var summary = TeamSummaries.Build([run], []);

        summary.Latest!.Measures.Should().NotContainKey("leadership");
        summary.Structural.Single(s => s.Factor.Id == "leadership").IsShown.Should().BeFalse();
        summary.CharterInUse!.IsShown.Should().BeFalse();
    }

    [Fact]
    public void The_change_of_a_structural_factor_spans_the_views_that_showed_it()
    {
        PulseRollup[] runs =
        [
            Closed(0, Answers(("leadership.1", [2, 2, 2]), ("overall", [4, 4, 4])), itemIds: ["leadership.1", "overall"]),
            Closed(1, Answers(("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])), itemIds: ["reliability.1", "overall"]),
            Closed(2, Answers(("leadership.1", [3, 3, 3]), ("overall", [4, 4, 4])), itemIds: ["leadership.1", "overall"]),
        ];

        var leadership = TeamSummaries.Build(NewestFirst(runs), []).Structural.Single(s => s.Factor == StructuralFactors.Leadership);

        leadership.Mean.Should().Be(3.0);
        leadership.Change.Should().Be(1.0);
        leadership.ChangeOverRuns.Should().Be(2);
    }

    [Fact]
    public void Anything_a_pulse_item_can_measure_is_found_and_nothing_else()
    {
        TrustFactors.FindMeasured("care").Should().Be(TrustFactors.Care);
        TrustFactors.FindMeasured("leadership").Should().Be(StructuralFactors.Leadership);
        TrustFactors.FindMeasured("assessment").Should().Be(StructuralFactors.Assessment);
        TrustFactors.FindMeasured("charter").Should().Be(CharterMeasure.InUse);
        TrustFactors.FindMeasured("overall").Should().BeNull();
        TrustFactors.FindMeasured("Leadership").Should().BeNull();
        TrustFactors.Find("leadership").Should().BeNull("incidents, actions and picks keep to the six interpersonal factors");
    }
}
