using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Tests.Pulse;
using TrustBot.Domain.Tests.Summary;

namespace TrustBot.Domain.Tests.Recovery;

/// <summary>
/// The baseline review: trust since an incident against the last run before it, per factor it hit
/// and as a trust index, only from runs that met their own anonymity threshold, never pooled.
/// </summary>
public sealed class RecoveryComparisonTests
{
    // Runs open on Mondays (week 0 is TestRuns.Monday) and close on Thursdays; the incident is on the Friday of week 2.
    private static readonly DateTimeOffset OccurredAt = TestRuns.Monday.AddDays((7 * 2) + 4);

    private static PulseRollup Run(int week, params (string ItemId, int[] Points)[] items) =>
        SummaryRuns.Closed(week, SummaryRuns.Answers(items), itemIds: [.. items.Select(item => item.ItemId)]);

    private static RecoveryComparison Compare(params PulseRollup[] oldestFirst) => RecoveryComparison.Of(oldestFirst, OccurredAt, ["reliability"]);

    [Fact]
    public void Trust_back_where_it_was_before_the_incident_has_recovered()
    {
        var comparison = Compare(
            Run(1, ("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])),
            Run(3, ("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])));

        comparison.Outcome.Should().Be(RecoveryOutcome.Recovered);
        comparison.TrustIndex.Should().Be(new IndexComparison(75, 75));
        comparison.Factors.Should().Equal(new FactorComparison(TrustFactors.Reliability, 4, 4));
    }

    [Fact]
    public void Trust_above_where_it_was_has_recovered_too()
    {
        var comparison = Compare(
            Run(1, ("reliability.1", [3, 3, 3]), ("overall", [3, 3, 3])),
            Run(3, ("reliability.1", [4, 4, 5]), ("overall", [4, 4, 4])));

        comparison.Outcome.Should().Be(RecoveryOutcome.Recovered);
        comparison.Factors.Single().Change.Should().BeGreaterThan(0);
    }

    [Fact]
    public void A_factor_still_below_its_baseline_means_keep_going_even_when_the_index_is_back()
    {
        var comparison = Compare(
            Run(1, ("reliability.1", [4, 4, 4]), ("overall", [3, 3, 3])),
            Run(3, ("reliability.1", [3, 3, 3]), ("overall", [5, 5, 5])));

        comparison.TrustIndex!.IsBelowBaseline.Should().BeFalse();
        comparison.Factors.Single().IsBelowBaseline.Should().BeTrue();
        comparison.Outcome.Should().Be(RecoveryOutcome.StillBelow);
    }

    [Fact]
    public void The_baseline_is_the_last_run_that_opened_before_the_incident_even_one_that_closed_after_it()
    {
        var comparison = Compare(
            Run(0, ("reliability.1", [2, 2, 2]), ("overall", [2, 2, 2])),
            Run(2, ("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])),
            Run(3, ("reliability.1", [3, 3, 3]), ("overall", [3, 3, 3])));

        comparison.Factors.Single().Before.Should().Be(4, "week 2's run opened on Monday, before Friday's incident");
        comparison.TrustIndex!.Before.Should().Be(75);
        comparison.Outcome.Should().Be(RecoveryOutcome.StillBelow);
    }

    [Fact]
    public void Now_is_the_latest_run_since_the_incident()
    {
        var comparison = Compare(
            Run(1, ("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])),
            Run(3, ("reliability.1", [2, 2, 2]), ("overall", [2, 2, 2])),
            Run(4, ("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])));

        comparison.Factors.Single().Now.Should().Be(4);
        comparison.Outcome.Should().Be(RecoveryOutcome.Recovered);
    }

    [Fact]
    public void A_run_since_the_incident_that_fewer_than_k_answered_is_not_compared()
    {
        var comparison = Compare(
            Run(1, ("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])),
            Run(3, ("reliability.1", [1, 1]), ("overall", [1, 1])));

        comparison.Outcome.Should().Be(RecoveryOutcome.NoComparableData);
        comparison.TrustIndex.Should().BeNull();
        comparison.Factors.Should().Equal(new FactorComparison(TrustFactors.Reliability, 4, null));
    }

    [Fact]
    public void Two_runs_since_of_two_answers_each_are_never_pooled_into_one_of_four()
    {
        var comparison = Compare(
            Run(1, ("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])),
            Run(3, ("reliability.1", [1, 1]), ("overall", [1, 1])),
            Run(4, ("reliability.1", [1, 1]), ("overall", [1, 1])));

        comparison.Outcome.Should().Be(RecoveryOutcome.NoComparableData);
    }

    [Fact]
    public void A_baseline_run_that_fewer_than_k_answered_gives_way_to_the_last_one_that_k_did()
    {
        var comparison = Compare(
            Run(1, ("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])),
            Run(2, ("reliability.1", [1, 1]), ("overall", [1, 1])),
            Run(3, ("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])));

        comparison.Factors.Single().Before.Should().Be(4);
        comparison.TrustIndex!.Before.Should().Be(75);
    }

    [Fact]
    public void A_factor_fewer_than_k_scored_is_left_out_of_a_run_that_is_shown()
    {
        // Three answered the run, but only two scored reliability: its mean is hidden, the overall item is not.
        var since = SummaryRuns.Closed(3,
            [TestRuns.Answer(("reliability.1", 1), ("overall", 4)), TestRuns.Answer(("reliability.1", 1), ("overall", 4)), TestRuns.Answer(("overall", 4))],
            itemIds: ["reliability.1", "overall"]);

        var comparison = Compare(Run(1, ("reliability.1", [2, 2, 2]), ("overall", [4, 4, 4])), since);

        comparison.Factors.Single().IsComparable.Should().BeFalse();
        comparison.TrustIndex.Should().Be(new IndexComparison(75, 75), "the index is compared on what both runs showed: the overall item");
        comparison.Outcome.Should().Be(RecoveryOutcome.Recovered);
    }

    [Fact]
    public void The_index_is_compared_like_for_like_on_what_both_runs_scored()
    {
        // Before, openness scored low; the recovery pulse did not ask it, so it must not drag the baseline down.
        var comparison = Compare(
            Run(1, ("reliability.1", [4, 4, 4]), ("openness.1", [1, 1, 1]), ("overall", [4, 4, 4])),
            Run(3, ("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])));

        comparison.TrustIndex.Should().Be(new IndexComparison(75, 75));
    }

    [Fact]
    public void A_factor_the_last_run_before_did_not_ask_is_compared_with_the_last_run_that_did()
    {
        var comparison = Compare(
            Run(1, ("reliability.1", [3, 3, 3]), ("overall", [4, 4, 4])),
            Run(2, ("openness.1", [4, 4, 4]), ("overall", [4, 4, 4])),
            Run(3, ("reliability.1", [3, 3, 3]), ("overall", [4, 4, 4])));

        comparison.Factors.Single().Before.Should().Be(3);
        comparison.Outcome.Should().Be(RecoveryOutcome.Recovered);
    }

    [Fact]
    public void Without_a_run_since_the_incident_there_is_nothing_to_compare()
    {
        var comparison = Compare(Run(1, ("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])));

        comparison.Outcome.Should().Be(RecoveryOutcome.NoComparableData);
        comparison.TrustIndex.Should().BeNull();
    }

    [Fact]
    public void Without_a_run_before_the_incident_there_is_no_baseline()
    {
        var comparison = Compare(Run(3, ("reliability.1", [4, 4, 4]), ("overall", [4, 4, 4])));

        comparison.Outcome.Should().Be(RecoveryOutcome.NoComparableData);
        comparison.Factors.Should().Equal(new FactorComparison(TrustFactors.Reliability, null, 4));
    }

    [Fact]
    public void Factors_come_in_the_incidents_order_and_unknown_ones_are_skipped()
    {
        var comparison = RecoveryComparison.Of([], OccurredAt, ["safety", "morale", "care", "safety"]);

        comparison.Factors.Select(f => f.Factor).Should().Equal(TrustFactors.PsychologicalSafety, TrustFactors.Care);
    }

    [Theory]
    [InlineData(3.44, 3.36, false)]
    [InlineData(3.44, 3.34, true)]
    [InlineData(3.45, 3.44, true)]
    public void A_factor_is_below_its_baseline_only_when_the_card_shows_it_lower(double before, double now, bool below)
    {
        new FactorComparison(TrustFactors.Care, before, now).IsBelowBaseline.Should().Be(below);
    }

    [Theory]
    [InlineData(70.4, 69.6, false)]
    [InlineData(70.4, 69.4, true)]
    public void The_index_is_below_its_baseline_only_when_the_card_shows_it_lower(double before, double now, bool below)
    {
        new IndexComparison(before, now).IsBelowBaseline.Should().Be(below);
    }
}
