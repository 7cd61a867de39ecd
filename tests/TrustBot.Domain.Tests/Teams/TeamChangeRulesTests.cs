using TrustBot.Domain.Teams;

namespace TrustBot.Domain.Tests.Teams;

public sealed class TeamChangeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static TeamChange[] Joined(int count, int daysAgo = 1) =>
        [.. Enumerable.Range(0, count).Select(i => TeamChange.Joined($"29:new-{i}", Now.AddDays(-daysAgo)))];

    private static TeamChange[] Left(int count, int daysAgo = 1) =>
        [.. Enumerable.Range(0, count).Select(i => TeamChange.Left($"29:old-{i}", Now.AddDays(-daysAgo)))];

    [Fact]
    public void Three_of_ten_leaving_within_30_days_is_a_risk_and_two_is_not()
    {
        TeamChangeRules.Assess(Left(3), rosterNow: 7, Now).Should().BeEquivalentTo(new { Left = 3, Changed = 3, RosterAtStart = 10, IsRosterTurnover = true, IsRisk = true });
        TeamChangeRules.Assess(Left(2), rosterNow: 8, Now).Should().BeEquivalentTo(new { Changed = 2, RosterAtStart = 10, IsRisk = false });
    }

    [Fact]
    public void The_share_is_of_the_roster_as_it_was_when_the_window_began()
    {
        // 3 joined a team of 10 (13 now): 30 % of the 10 there were.
        var assessment = TeamChangeRules.Assess(Joined(3), rosterNow: 13, Now);

        assessment.Should().BeEquivalentTo(new { Joined = 3, Left = 0, RosterAtStart = 10, IsRisk = true });
        TeamChangeRules.Assess(Joined(3), rosterNow: 14, Now).IsRisk.Should().BeFalse("3 of 11 is 27 %");
    }

    [Fact]
    public void Changes_older_than_30_days_do_not_count()
    {
        var assessment = TeamChangeRules.Assess([.. Left(3, daysAgo: 31), .. Left(1, daysAgo: 30)], rosterNow: 6, Now);

        assessment.Changed.Should().Be(0, "exactly 30 days ago is outside the window, which ends now");
        assessment.IsRisk.Should().BeFalse();
        assessment.HasChanges.Should().BeFalse();
    }

    [Fact]
    public void A_person_reported_twice_or_who_came_and_went_counts_once()
    {
        TeamChange[] changes =
        [
            TeamChange.Joined("29:megan", Now.AddDays(-5)),
            TeamChange.Joined("29:megan", Now.AddDays(-5)),
            TeamChange.Joined("29:adele", Now.AddDays(-4)),
            TeamChange.Left("29:adele", Now.AddDays(-2)),
        ];

        var assessment = TeamChangeRules.Assess(changes, rosterNow: 10, Now);

        assessment.Should().BeEquivalentTo(new { Joined = 1, Left = 1, Changed = 2, RosterAtStart = 9 });
    }

    [Fact]
    public void Any_lead_change_in_the_window_is_a_risk_whatever_the_roster()
    {
        var assessment = TeamChangeRules.Assess([TeamChange.LeadChanged(Now.AddDays(-3))], rosterNow: 40, Now);

        assessment.Should().BeEquivalentTo(new { LeadChanges = 1, LastLeadChangeAt = Now.AddDays(-3), Changed = 0, IsRisk = true, IsRosterTurnover = false });
    }

    [Fact]
    public void A_check_in_is_suggested_at_most_once_per_30_days()
    {
        var risky = TeamChangeRules.Assess([TeamChange.LeadChanged(Now)], rosterNow: 5, Now);
        var calm = TeamChangeRules.Assess([], rosterNow: 5, Now);

        TeamChangeRules.ShouldSuggestCheckIn(risky, lastSuggestedAt: null, Now).Should().BeTrue();
        TeamChangeRules.ShouldSuggestCheckIn(risky, Now.AddDays(-29), Now).Should().BeFalse();
        TeamChangeRules.ShouldSuggestCheckIn(risky, Now.AddDays(-30), Now).Should().BeTrue();
        TeamChangeRules.ShouldSuggestCheckIn(calm, lastSuggestedAt: null, Now).Should().BeFalse();
    }

    [Fact]
    public void An_empty_roster_and_a_roster_that_disagrees_with_the_changes_never_divide_by_zero()
    {
        TeamChangeRules.Assess(Joined(2), rosterNow: 0, Now).Should().BeEquivalentTo(new { RosterAtStart = 1, IsRisk = true });
        TeamChangeRules.Assess([], rosterNow: 0, Now).Should().BeEquivalentTo(new { Changed = 0, RosterAtStart = 1, IsRisk = false });
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var negative = () => TeamChangeRules.Assess([], rosterNow: -1, Now);
        var none = () => TeamChangeRules.Assess(null!, rosterNow: 1, Now);

        negative.Should().Throw<ArgumentOutOfRangeException>();
        none.Should().Throw<ArgumentNullException>();
    }
}
