using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Tests.Pulse;

public sealed class PulseRollupsTests
{
    private static readonly QuestionBank Bank = QuestionBank.BuiltIn;
    private static readonly PulseRun Run = TestRuns.Open(["care.1", "care.3", "safety.5", "overall"], threshold: 3, invited: 5);
    private static readonly DateTimeOffset ClosedAt = Run.ClosesAt;

    // care.3 ("… put their own interests ahead of the team's.") and safety.5 ("It is difficult to ask …
    // for help.") are reverse-scored: a 2 counts as 4. The fourth respondent answered a card from an
    // older item set: care.3 only, plus competence.1 (not in this run) and an id the bank never had.
    private static readonly PulseAnswer[] Answers =
    [
        new(new Dictionary<string, int> { ["care.1"] = 4, ["care.3"] = 2, ["safety.5"] = 1, ["overall"] = 4 }, ["care"], ["safety"]),
        new(new Dictionary<string, int> { ["care.1"] = 5, ["care.3"] = 1, ["safety.5"] = 2, ["overall"] = 5 }, ["care", "openness"], []),
        new(new Dictionary<string, int> { ["care.1"] = 2, ["care.3"] = 4, ["safety.5"] = 5, ["overall"] = 2 }, [], ["safety", "care"]),
        new(new Dictionary<string, int> { ["care.3"] = 3, ["competence.1"] = 4, ["gone.1"] = 5 }, [], []),
    ];

    private static readonly PulseRollup Rollup = PulseRollups.Compute(Run, Answers, Bank, ClosedAt);

    [Fact]
    public void The_rollup_names_its_run_and_counts_participation()
    {
        Rollup.TeamId.Should().Be("team-1");
        Rollup.RunId.Should().Be(Run.RunId);
        Rollup.OpensAt.Should().Be(Run.OpensAt);
        Rollup.ClosedAt.Should().Be(ClosedAt);
        Rollup.Invited.Should().Be(5);
        Rollup.Responded.Should().Be(4);
        Rollup.ParticipationRate.Should().Be(0.8);
        Rollup.AnonymityThreshold.Should().Be(3);
        Rollup.MeetsThreshold.Should().BeTrue();
    }

    [Fact]
    public void A_plain_item_is_rolled_up_from_the_points_as_answered()
    {
        // 4, 5, 2
        Rollup.Items["care.1"].Count.Should().Be(3);
        Rollup.Items["care.1"].Mean.Should().BeApproximately(11.0 / 3, 1e-9);
        Rollup.Items["care.1"].Distribution.Should().Equal(0, 1, 0, 1, 1);
    }

    [Fact]
    public void A_reverse_scored_item_is_rolled_up_from_flipped_points_in_mean_and_distribution()
    {
        // answered 2, 1, 4, 3 → scored 4, 5, 2, 3
        Rollup.Items["care.3"].Should().BeEquivalentTo(new ScoreStats(4, 3.5, [0, 1, 1, 1, 1]));
        // answered 1, 2, 5 → scored 5, 4, 1
        Rollup.Items["safety.5"].Count.Should().Be(3);
        Rollup.Items["safety.5"].Mean.Should().BeApproximately(10.0 / 3, 1e-9);
        Rollup.Items["safety.5"].Distribution.Should().Equal(1, 0, 0, 1, 1);
    }

    [Fact]
    public void A_factor_pools_its_items_and_counts_each_respondent_once()
    {
        // care.1 and care.3 scored: 4,4 | 5,5 | 2,2 | 3 → 25 / 7 from 4 people
        var care = Rollup.Factors["care"];

        care.Count.Should().Be(4);
        care.Mean.Should().BeApproximately(25.0 / 7, 1e-9);
        care.Distribution.Should().Equal(0, 2, 1, 2, 2);
        Rollup.Factors["safety"].Should().BeEquivalentTo(Rollup.Items["safety.5"]);
    }

    [Fact]
    public void The_overall_item_is_rolled_up_on_its_own()
    {
        Rollup.Overall.Count.Should().Be(3);
        Rollup.Overall.Mean.Should().BeApproximately(11.0 / 3, 1e-9);
        Rollup.Overall.Distribution.Should().Equal(0, 1, 0, 1, 1);
        Rollup.Items.Should().NotContainKey("overall");
        Rollup.Factors.Should().NotContainKey("overall");
    }

    [Fact]
    public void An_item_outside_the_run_is_still_rolled_up_when_the_bank_knows_it_and_ignored_otherwise()
    {
        Rollup.Items.Keys.Should().BeEquivalentTo("care.1", "care.3", "safety.5", "competence.1");
        Rollup.Items["competence.1"].Should().BeEquivalentTo(new ScoreStats(1, 4, [0, 0, 0, 1, 0]));
        Rollup.Factors.Keys.Should().BeEquivalentTo("care", "safety", "competence");
    }

    [Fact]
    public void Helped_and_hurt_picks_are_counted_for_every_factor()
    {
        Rollup.HelpedPicks.Should().Equal(new Dictionary<string, int>
        {
            ["reliability"] = 0, ["competence"] = 0, ["openness"] = 1, ["care"] = 2, ["integrity"] = 0, ["safety"] = 0,
        });
        Rollup.HurtPicks["safety"].Should().Be(2);
        Rollup.HurtPicks["care"].Should().Be(1);
        Rollup.HurtPicks.Values.Sum().Should().Be(3);
    }

    [Fact]
    public void A_run_nobody_answered_rolls_up_to_empty_stats_below_the_threshold()
    {
        var rollup = PulseRollups.Compute(Run, [], Bank, ClosedAt);

        rollup.Responded.Should().Be(0);
        rollup.ParticipationRate.Should().Be(0);
        rollup.MeetsThreshold.Should().BeFalse();
        rollup.Items.Should().HaveCount(3).And.AllSatisfy(i => i.Value.Should().BeEquivalentTo(new ScoreStats(0, 0, [0, 0, 0, 0, 0])));
        rollup.Overall.Should().Be(ScoreStats.None);
    }

    [Fact]
    public void Nobody_invited_means_zero_participation_not_a_division_by_zero() =>
        PulseRollups.Compute(Run with { InvitedCount = 0 }, [], Bank, ClosedAt).ParticipationRate.Should().Be(0);

    [Fact]
    public void A_threshold_frozen_below_three_is_raised_to_three()
    {
        var rollup = PulseRollups.Compute(Run with { AnonymityThreshold = 1 }, Answers.Take(2).ToList(), Bank, ClosedAt);

        rollup.AnonymityThreshold.Should().Be(3);
        rollup.MeetsThreshold.Should().BeFalse();
    }

    [Fact]
    public void Points_off_the_scale_and_repeated_picks_do_not_distort_the_rollup()
    {
        PulseAnswer[] corrupt =
        [
            new(new Dictionary<string, int> { ["care.1"] = 9, ["overall"] = 4 }, ["care", "care", "unknown"], []),
        ];

        var rollup = PulseRollups.Compute(Run, corrupt, Bank, ClosedAt);

        rollup.Items["care.1"].Count.Should().Be(0);
        rollup.Overall.Should().BeEquivalentTo(new ScoreStats(1, 4, [0, 0, 0, 1, 0]));
        rollup.HelpedPicks["care"].Should().Be(1);
        rollup.HelpedPicks.Should().NotContainKey("unknown");
    }
}
