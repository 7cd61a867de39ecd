using TrustBot.Domain.Observations;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;
using static TrustBot.Domain.Tests.Summary.SummaryRuns;

namespace TrustBot.Domain.Tests.Summary;

public sealed class FactorInsightsTests
{
    private static readonly PulseRollup Week0 = Closed(0, Answers(
        ("reliability.1", [4, 4, 4, 4, 4]), ("openness.1", [4, 4, 3, 3, 3]), ("care.1", [3, 3, 3, 3, 3]), ("overall", [4, 4, 4, 4, 4])));

    // Week 1 closes Thursday 20 March 2025. Its five respondents picked: helped reliability ×2, care, integrity;
    // hurt openness ×3, care.
    private static readonly PulseRollup Week1 = Closed(1, WithPicks(
        Answers(("reliability.1", [5, 5, 4, 4, 4]), ("openness.1", [3, 3, 3, 3, 2]), ("care.1", [3, 3, 3, 3, 3]), ("overall", [4, 4, 4, 4, 4])),
        helped: ["reliability", "reliability", "care", "integrity"],
        hurt: ["openness", "openness", "openness", "care"]));

    private static readonly DateOnly LatestEnd = new(2025, 3, 20);

    private static readonly Observation[] Observations =
    [
        Observed(LatestEnd, ObservationEffect.Hurts, "openness"),
        Observed(LatestEnd.AddDays(-89), ObservationEffect.Hurts, "openness", "safety"),
        Observed(LatestEnd.AddDays(-10), ObservationEffect.Helps, "care"),
        Observed(LatestEnd.AddDays(-10), ObservationEffect.Neutral, "reliability"),
        Observed(LatestEnd.AddDays(-90), ObservationEffect.Helps, "openness"),
        Observed(LatestEnd.AddDays(1), ObservationEffect.Helps, "openness"),
    ];

    // weight = (mean − 3) + change + 2 × (helped − hurt) / 5 + 0.25 × (helps − hurts), the last capped at ±1:
    //   reliability  1.4 + 0.4 + 0.8 + 0     =  2.6
    //   openness    −0.2 − 0.6 − 1.2 − 0.5   = −2.5
    //   integrity    0   + 0   + 0.4 + 0     =  0.4   (never scored: only its pick)
    //   care         0   + 0   + 0   + 0.25  =  0.25
    //   safety       0   + 0   + 0   − 0.25  = −0.25  (never scored: only the note)
    //   competence   no evidence at all: in neither list
    private static readonly TeamSummary Summary = TeamSummaries.Build(NewestFirst(Week0, Week1), Observations);

    [Fact]
    public void Hindrances_are_the_factors_the_evidence_weighs_against_worst_first()
    {
        Summary.Hindrances.Select(i => i.Factor).Should().Equal(TrustFactors.Openness, TrustFactors.PsychologicalSafety);
        Summary.Hindrances.Select(i => i.Weight).Should().Equal([-2.5, -0.25], (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Contributors_are_the_factors_the_evidence_weighs_for_best_first()
    {
        Summary.Contributors.Select(i => i.Factor).Should().Equal(TrustFactors.Reliability, TrustFactors.Integrity, TrustFactors.Care);
        Summary.Contributors.Select(i => i.Weight).Should().Equal([2.6, 0.4, 0.25], (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void No_factor_is_both_a_hindrance_and_a_contributor_and_one_without_evidence_is_neither()
    {
        Summary.Hindrances.Select(i => i.Factor).Should().NotIntersectWith(Summary.Contributors.Select(i => i.Factor));
        Summary.Hindrances.Concat(Summary.Contributors).Select(i => i.Factor).Should().NotContain(TrustFactors.Competence);
    }

    [Fact]
    public void The_weakest_factor_is_the_worst_hindrance() => Summary.Weakest.Should().Be(TrustFactors.Openness);

    [Fact]
    public void Evidence_reads_as_one_plain_line_of_scores_picks_and_notes()
    {
        Summary.Hindrances.Select(i => i.Evidence).Should().Equal(
            "Openness 2.8, down 0.6 over 1 run; 3 'hurt' picks; 2 observations say it hurts",
            "Psychological safety (no score yet); 1 observation says it hurts");
        Summary.Contributors.Select(i => i.Evidence).Should().Equal(
            "Reliability 4.4, up 0.4 over 1 run; 2 'helped' picks",
            "Integrity (no score yet); 1 'helped' pick",
            "Care 3.0, no change over 1 run; 1 'helped' pick; 1 'hurt' pick; 1 observation says it helps");
    }

    [Fact]
    public void Only_the_90_days_up_to_the_latest_views_end_count_so_older_and_later_notes_are_left_out()
    {
        var withoutOutsideNotes = TeamSummaries.Build(NewestFirst(Week0, Week1), Observations[..4]);

        withoutOutsideNotes.Hindrances.Should().BeEquivalentTo(Summary.Hindrances);
        withoutOutsideNotes.Contributors.Should().BeEquivalentTo(Summary.Contributors);
    }

    [Fact]
    public void At_most_three_of_each_are_listed()
    {
        // scored 1, 2, 3, 2, 2 and 5 on reliability … safety, with one 'hurt' pick for care and one 'helped' for integrity:
        //   reliability −2, care −1 − 0.4 = −1.4, competence −1, integrity −1 + 0.4 = −0.6, openness 0, safety +2
        var run = Closed(0, WithPicks(Answers(
            ("reliability.1", [1, 1, 1, 1, 1]), ("competence.1", [2, 2, 2, 2, 2]), ("openness.1", [3, 3, 3, 3, 3]),
            ("care.1", [2, 2, 2, 2, 2]), ("integrity.1", [2, 2, 2, 2, 2]), ("safety.2", [5, 5, 5, 5, 5]), ("overall", [3, 3, 3, 3, 3])),
            helped: ["integrity"], hurt: ["care"]));

        var summary = TeamSummaries.Build([run], []);

        summary.Hindrances.Select(i => i.Factor).Should().Equal(TrustFactors.Reliability, TrustFactors.Care, TrustFactors.Competence);
        summary.Contributors.Select(i => i.Factor).Should().Equal(TrustFactors.PsychologicalSafety);
        summary.Weakest.Should().Be(TrustFactors.Reliability);
    }

    [Fact]
    public void Without_a_view_there_is_nothing_to_weigh_not_even_notes()
    {
        var summary = TeamSummaries.Build([WithRespondents(0, 2)], Observations);

        summary.Hindrances.Should().BeEmpty();
        summary.Contributors.Should().BeEmpty();
        summary.Weakest.Should().BeNull();
    }
}
