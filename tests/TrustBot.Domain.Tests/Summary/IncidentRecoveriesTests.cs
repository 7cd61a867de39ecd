using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Summary;
using TrustBot.Domain.Tests.Pulse;

namespace TrustBot.Domain.Tests.Summary;

/// <summary>
/// The summary's active incidents: how far each recovery plan has come, and the factors the incident
/// hit against the pre-incident baseline, only from runs that met their own anonymity threshold.
/// </summary>
public sealed class IncidentRecoveriesTests
{
    // Runs open on Mondays (week 0 is TestRuns.Monday) and close on Thursdays; the incident is on the Friday of week 2, accepted that evening.
    private static readonly DateTimeOffset OccurredAt = TestRuns.Monday.AddDays((7 * 2) + 4);
    private static readonly DateTimeOffset AcceptedAt = OccurredAt.AddHours(8);

    private static Incident Incident(
        string title = "Release night outage",
        IncidentState state = IncidentState.Active,
        DateTimeOffset? acceptedAt = null,
        IncidentVisibility visibility = IncidentVisibility.Team,
        IReadOnlyList<RecoveryStep>? plan = null) =>
        new(
            "team-1",
            IncidentIds.New(OccurredAt, Guid.NewGuid()),
            title,
            "The release broke sign-in for two hours.",
            IncidentSeverity.Major,
            OccurredAt,
            ["reliability", "openness"],
            visibility,
            IncidentSource.Lead,
            "lead-1",
            "Lynne Robbins",
            OccurredAt,
            state,
            state == IncidentState.AwaitingLead ? null : acceptedAt ?? AcceptedAt,
            state is IncidentState.Closed or IncidentState.Dismissed ? AcceptedAt.AddDays(14) : null,
            plan ?? RecoveryPlan.AllSteps,
            ExternalId: null);

    private static PulseRollup Run(int week, params (string ItemId, int[] Points)[] items) =>
        SummaryRuns.Closed(week, SummaryRuns.Answers(items), itemIds: [.. items.Select(item => item.ItemId)]);

    private static IncidentRecovery RecoveryOf(Incident incident, DateTimeOffset now, params PulseRollup[] oldestFirst) =>
        IncidentRecoveries.Of([incident], oldestFirst, now).Single();

    [Fact]
    public void Four_days_in_three_steps_are_done_and_the_action_progress_comes_on_day_seven()
    {
        var recovery = RecoveryOf(Incident(), AcceptedAt.AddDays(4).AddHours(1));

        recovery.DaysSinceAccepted.Should().Be(4);
        recovery.StepsDone.Should().Be(3);
        recovery.StepCount.Should().Be(5);
        recovery.NextStep.Should().Be(RecoveryStep.ActionProgress);
        recovery.NextStepAt.Should().Be(AcceptedAt.AddDays(7));
    }

    [Fact]
    public void A_plan_without_some_steps_counts_only_its_own_and_has_no_next_step_once_all_are_done()
    {
        var recovery = RecoveryOf(Incident(plan: [RecoveryStep.Acknowledge, RecoveryStep.BaselineReview]), AcceptedAt.AddDays(20));

        recovery.StepsDone.Should().Be(2);
        recovery.StepCount.Should().Be(2);
        recovery.NextStep.Should().BeNull();
        recovery.NextStepAt.Should().BeNull();
    }

    [Fact]
    public void Only_active_incidents_are_listed_the_most_recently_accepted_first()
    {
        var older = Incident("Older", acceptedAt: AcceptedAt);
        var newer = Incident("Newer", acceptedAt: AcceptedAt.AddDays(2));
        Incident[] incidents =
        [
            older,
            Incident("Waiting", IncidentState.AwaitingLead),
            Incident("Dismissed", IncidentState.Dismissed),
            Incident("Closed", IncidentState.Closed),
            newer,
        ];

        IncidentRecoveries.Of(incidents, [], AcceptedAt.AddDays(3)).Select(recovery => recovery.Incident.Title).Should().Equal("Newer", "Older");
    }

    [Fact]
    public void A_leads_only_incident_is_not_for_the_whole_team()
    {
        RecoveryOf(Incident(visibility: IncidentVisibility.LeadsOnly), AcceptedAt).IsForWholeTeam.Should().BeFalse();
        RecoveryOf(Incident(visibility: IncidentVisibility.Team), AcceptedAt).IsForWholeTeam.Should().BeTrue();
    }

    [Fact]
    public void The_factors_it_hit_are_compared_between_the_last_run_before_it_and_the_latest_since()
    {
        var recovery = RecoveryOf(
            Incident(),
            AcceptedAt.AddDays(14),
            Run(1, ("reliability.1", [2, 2, 2]), ("openness.1", [2, 2, 2])),
            Run(2, ("reliability.1", [4, 4, 4]), ("openness.1", [4, 4, 5])),
            Run(3, ("reliability.1", [3, 3, 3]), ("openness.1", [3, 3, 3])),
            Run(4, ("reliability.1", [4, 4, 4]), ("openness.1", [3, 4, 4])));

        recovery.Standing.Should().Be(RecoveryStanding.Compared);
        recovery.ComparedFactors.Select(factor => (factor.Factor.Id, factor.Before, factor.Now)).Should().Equal(
            ("reliability", 4.0, 4.0),
            ("openness", 13.0 / 3, 11.0 / 3));
    }

    [Fact]
    public void A_run_since_the_incident_with_fewer_answers_than_its_threshold_is_not_compared()
    {
        var recovery = RecoveryOf(
            Incident(),
            AcceptedAt.AddDays(14),
            Run(2, ("reliability.1", [4, 4, 4]), ("openness.1", [4, 4, 4])),
            Run(3, ("reliability.1", [1, 1]), ("openness.1", [1, 1])));

        recovery.ComparedFactors.Should().BeEmpty("two answers are below the run's threshold of three");
        recovery.Standing.Should().Be(RecoveryStanding.NothingSinceYet);
    }

    [Fact]
    public void A_factor_fewer_people_scored_than_the_threshold_is_left_out_while_the_others_are_compared()
    {
        var recovery = RecoveryOf(
            Incident(),
            AcceptedAt.AddDays(14),
            Run(2, ("reliability.1", [4, 4, 4]), ("openness.1", [4, 4, 4])),
            Run(3, ("reliability.1", [5, 5, 5]), ("openness.1", [1, 0, 0])));

        recovery.ComparedFactors.Should().ContainSingle().Which.Factor.Should().Be(TrustFactors.Reliability);
    }

    [Fact]
    public void Without_a_run_before_the_incident_there_is_no_baseline_and_it_says_so()
    {
        var recovery = RecoveryOf(
            Incident(),
            AcceptedAt.AddDays(14),
            Run(3, ("reliability.1", [4, 4, 4]), ("openness.1", [4, 4, 4])));

        recovery.ComparedFactors.Should().BeEmpty();
        recovery.Standing.Should().Be(RecoveryStanding.NoBaseline);
    }

    [Fact]
    public void A_run_before_the_incident_too_few_answered_is_no_baseline_either()
    {
        var recovery = RecoveryOf(
            Incident(),
            AcceptedAt.AddDays(14),
            Run(2, ("reliability.1", [4, 4]), ("openness.1", [4, 4])),
            Run(3, ("reliability.1", [4, 4, 4]), ("openness.1", [4, 4, 4])));

        recovery.Standing.Should().Be(RecoveryStanding.NoBaseline);
    }
}
