using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;
using static TrustBot.Domain.Tests.Summary.SummaryRuns;

namespace TrustBot.Domain.Tests.Summary;

public sealed class TeamSummariesTests
{
    [Fact]
    public void The_trend_is_the_index_of_the_latest_views_oldest_first_up_to_the_trend_length()
    {
        // ten weekly runs of three answers, all scoring 1 + week % 5 … indexes 0, 25, 50, 75, 100, 0, 25, …
        var runs = Enumerable.Range(0, 10).Select(week => ScoringEverywhere(week, 1 + (week % 5))).ToArray();

        var summary = TeamSummaries.Build(NewestFirst(runs), []);

        summary.Trend.Should().Equal(50, 75, 100, 0, 25, 50, 75, 100);
        summary.Latest!.RunIds.Should().Equal(runs[9].RunId);
        summary.Previous!.RunIds.Should().Equal(runs[8].RunId);
        summary.TrustIndexChange.Should().Be(25);
        TeamSummaries.Build(NewestFirst(runs), [], trendLength: 3).Trend.Should().Equal(50, 75, 100);
    }

    [Fact]
    public void The_trend_counts_views_not_runs_and_short_runs_stay_out_of_it_unpooled()
    {
        // weeks 0 and 2 meet k (indexes 75 and 25); weeks 1, 3 and 4 fall short and are never pooled
        PulseRollup[] runs = [ScoringEverywhere(0, 4), WithRespondents(1, 2), ScoringEverywhere(2, 2), WithRespondents(3, 1), WithRespondents(4, 2)];

        var summary = TeamSummaries.Build(NewestFirst(runs), []);

        summary.Trend.Should().Equal(75, 25);
        summary.Latest!.RunIds.Should().Equal(runs[2].RunId);
        summary.Previous!.RunIds.Should().Equal(runs[0].RunId);
        summary.TrustIndexChange.Should().Be(-50);
        summary.Pending.Should().Be(new PendingAnswers(2, 3, 2));
    }

    [Fact]
    public void Every_factor_has_a_row_in_the_framework_order_with_its_latest_shown_score_and_change()
    {
        // openness: 3.4 in week 0, 2.8 in week 1, not asked in week 2 (rotation); reliability asked every week
        PulseRollup[] runs =
        [
            Closed(0, Answers(("reliability.1", [4, 4, 4, 4, 4]), ("openness.1", [4, 4, 3, 3, 3]), ("overall", [4, 4, 4, 4, 4]))),
            Closed(1, Answers(("reliability.1", [5, 5, 4, 4, 4]), ("openness.1", [3, 3, 3, 3, 2]), ("overall", [4, 4, 4, 4, 4]))),
            Closed(2, Answers(("reliability.1", [5, 5, 5, 5, 5]), ("overall", [4, 4, 4, 4, 4])), itemIds: ["reliability.1", "overall"]),
        ];

        var factors = TeamSummaries.Build(NewestFirst(runs), []).Factors;

        factors.Select(f => f.Factor).Should().Equal(TrustFactors.All);
        var openness = factors.Single(f => f.Factor == TrustFactors.Openness);
        openness.Mean.Should().BeApproximately(2.8, 1e-9);
        openness.Change.Should().BeApproximately(-0.6, 1e-9);
        openness.ChangeOverRuns.Should().Be(1);
        openness.ViewsBack.Should().Be(1);
        openness.Count.Should().Be(5);
        openness.Distribution.Should().Equal(0, 1, 4, 0, 0);
        var reliability = factors.Single(f => f.Factor == TrustFactors.Reliability);
        reliability.Mean.Should().Be(5);
        reliability.Change.Should().BeApproximately(0.6, 1e-9);
        reliability.ViewsBack.Should().Be(0);
    }

    [Fact]
    public void A_factor_no_view_ever_showed_has_an_empty_row()
    {
        var care = TeamSummaries.Build([WithRespondents(0, 3)], []).Factors.Single(f => f.Factor == TrustFactors.Care);

        care.Should().BeEquivalentTo(new FactorTrend(TrustFactors.Care, null, null, 0, 0, [0, 0, 0, 0, 0]));
        care.IsShown.Should().BeFalse();
        care.ChangeOverRuns.Should().Be(0);
    }

    [Fact]
    public void A_change_across_a_view_that_did_not_ask_the_factor_spans_every_run_between_them()
    {
        // openness shown in week 0 (4) and week 2 (3); week 1 did not ask it (rotation)
        PulseRollup[] runs =
        [
            ScoringEverywhere(0, 4),
            Closed(1, Answers(("reliability.1", [3, 3, 3]), ("overall", [3, 3, 3])), itemIds: ["reliability.1", "overall"]),
            ScoringEverywhere(2, 3),
        ];

        var openness = TeamSummaries.Build(NewestFirst(runs), []).Factors.Single(f => f.Factor == TrustFactors.Openness);

        openness.Mean.Should().Be(3);
        openness.Change.Should().Be(-1);
        openness.ChangeOverRuns.Should().Be(2);
        openness.ViewsBack.Should().Be(0);
    }

    [Fact]
    public void A_team_without_closed_runs_has_an_empty_summary()
    {
        var summary = TeamSummaries.Build([], []);

        summary.Latest.Should().BeNull();
        summary.Previous.Should().BeNull();
        summary.TrustIndexChange.Should().BeNull();
        summary.Trend.Should().BeEmpty();
        summary.Pending.Should().BeNull();
        summary.Factors.Should().HaveCount(6).And.OnlyContain(f => !f.IsShown);
        summary.Hindrances.Should().BeEmpty();
        summary.Contributors.Should().BeEmpty();
        summary.Weakest.Should().BeNull();
    }

    [Fact]
    public void A_team_short_of_k_sees_only_how_many_answers_are_still_needed()
    {
        var summary = TeamSummaries.Build([WithRespondents(0, 2)], []);

        summary.Latest.Should().BeNull();
        summary.Pending.Should().Be(new PendingAnswers(2, 3, 1));
        summary.Factors.Should().OnlyContain(f => !f.IsShown);
    }

    /// <summary>A run whose respondents all score <paramref name="scored"/> on every item (reliability.3 flipped).</summary>
    private static PulseRollup ScoringEverywhere(int week, int scored, int respondents = 3)
    {
        var points = Enumerable.Repeat(scored, respondents).ToArray();
        return Closed(week, Answers(("reliability.1", points), ("reliability.3", [.. points.Select(p => 6 - p)]), ("openness.1", points), ("overall", points)));
    }
}
