using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Moq;
using Newtonsoft.Json.Linq;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Recovery.Incidents;
using TrustBot.Recovery.Nudges;
using TrustBot.Scheduling;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Recovery.Nudges;

/// <summary>
/// An accepted incident's recovery plan, step by step on the scheduler's clock: the channel hears
/// about it at once, the leads are prompted to hold a retrospective a day later, the members get a
/// short recovery pulse after three days, the channel sees the actions' progress after a week, and
/// the leads compare trust with the baseline after two weeks. Each nudge comes once; a closed plan
/// stops; a leads-only incident never reaches the channel.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecoveryPlanTests : IDisposable
{
    private const string Title = "Release slipped without telling support";

    // The testbed's clock starts on Monday 23 November 2026, 09:00 UTC; the team has no pulse schedule.
    private readonly PulseTestbed _bed;
    private readonly List<JObject> _channel = [];

    public RecoveryPlanTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        CapturePostsToTheChannel();
    }

    public void Dispose() => _bed.Dispose();

    private IncidentService Incidents => _bed.Service<IncidentService>();

    private Task<Team> TeamAsync() => _bed.Service<ITeamStore>().GetTeamAsync(_bed.TeamId, CancellationToken.None)!;

    private Task<IReadOnlyList<PulseRun>> RunsAsync() => _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 10, CancellationToken.None);

    /// <summary>Lynne installs the bot (she leads the team) and the roster job stores its four members.</summary>
    private async Task InstallAsync()
    {
        await _bed.InstallAsync(Lead);
        await _bed.AdvanceAsync(TimeSpan.Zero);
    }

    /// <summary>Lynne declares an incident that happened an hour ago: a lead's is accepted at once, and its plan starts now.</summary>
    private async Task<Incident> DeclareAsync(IncidentVisibility visibility = IncidentVisibility.Team)
    {
        var draft = new IncidentDraft(
            Title,
            "We promised support the release for Friday. It slipped and nobody told them; customers found out first.",
            IncidentSeverity.Major,
            _bed.Clock.GetUtcNow().AddHours(-1),
            ["reliability", "openness"],
            visibility);
        var declared = await Incidents.DeclareAsync(await TeamAsync(), draft, IncidentSource.Lead, Lead.MemberId, Lead.Name, CancellationToken.None);
        return declared.Incident ?? throw new InvalidOperationException(string.Join(' ', declared.Problems));
    }

    /// <summary>Everyone answers a pulse card with the same point on every item.</summary>
    private async Task EveryoneAnswersAsync(Func<RosterMember, JObject> cardOf, int point)
    {
        foreach (var member in _bed.Roster)
        {
            await _bed.ClickAsync(member, "pulse.submit", Answer(cardOf(member), point));
        }
    }

    private IReadOnlyList<JObject> ChannelCards(string heading) => [.. _channel.Where(card => TextOf(card).Contains(heading, StringComparison.Ordinal))];

    private IReadOnlyList<JObject> CardsSentTo(RosterMember member, string heading) =>
        [.. _bed.CardsSentTo(member).Where(card => TextOf(card).Contains(heading, StringComparison.Ordinal))];

    [Fact]
    public async Task Each_step_of_the_plan_reaches_its_audience_once_at_its_time()
    {
        await InstallAsync();
        await DeclareAsync();

        await _bed.AdvanceAsync(TimeSpan.Zero);
        TextOf(ChannelCards($"Incident: {Title}").Should().ContainSingle("the channel hears about it at once").Subject)
            .Should().Contain("not at who to blame").And.Contain("Reliability, Openness").And.Contain("What happens next");
        _bed.Messenger.Verify(m => m.PostToTeamAsync(It.Is<Team>(t => t.Id == _bed.TeamId), It.IsAny<CardMessage>(), It.IsAny<CancellationToken>()), Times.Once);
        _bed.CardsSentTo(Lead).Should().BeEmpty();

        await _bed.AdvanceAsync(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        _bed.CardsSentTo(Lead).Should().BeEmpty("the retrospective is a day after the incident was accepted");
        await _bed.AdvanceAsync(TimeSpan.FromMinutes(1));
        var retrospective = CardsSentTo(Lead, "Time for a retrospective").Should().ContainSingle().Subject;
        TextOf(retrospective).Should().Contain("What made it hard?").And.Contain("Add an action from the retrospective");
        _bed.CardsSentTo(Megan).Should().BeEmpty("the retrospective prompt is for the leads");

        await _bed.AdvanceAsync(TimeSpan.FromDays(2));
        foreach (var member in _bed.Roster)
        {
            TextOf(CardsSentTo(member, "A short check-in after").Should().ContainSingle().Subject).Should().Contain(Title);
        }

        var run = (await RunsAsync()).Should().ContainSingle("the recovery pulse is a run of its own").Subject;
        run.ItemIds.Should().Equal("reliability.1", "openness.1", "overall");
        run.ClosesAt.Should().Be(run.OpensAt.AddDays(3));

        await _bed.AdvanceAsync(TimeSpan.FromDays(4));
        ChannelCards($"A week on: {Title}").Should().ContainSingle();

        await _bed.AdvanceAsync(TimeSpan.FromDays(7));
        var review = CardsSentTo(Lead, $"Two weeks on: {Title}").Should().ContainSingle().Subject;
        TextOf(review).Should().Contain("Close the plan").And.Contain("Keep going");
        CardsSentTo(Megan, "Two weeks on").Should().BeEmpty("the baseline review is for the leads");

        await _bed.AdvanceAsync(TimeSpan.FromDays(30));
        ChannelCards("Incident:").Should().ContainSingle();
        ChannelCards("A week on:").Should().ContainSingle();
        CardsSentTo(Lead, "Time for a retrospective").Should().ContainSingle();
        CardsSentTo(Megan, "A short check-in after").Should().ContainSingle();
        CardsSentTo(Lead, "Two weeks on").Should().ContainSingle();
    }

    [Fact]
    public async Task Planning_the_plan_again_after_it_ran_delivers_nothing_twice()
    {
        await InstallAsync();
        var incident = await DeclareAsync();
        await _bed.AdvanceAsync(TimeSpan.FromDays(15));
        var sentToLead = _bed.CardsSentTo(Lead).Count;
        var sentToMegan = _bed.CardsSentTo(Megan).Count;
        var posted = _channel.Count;

        // An incident tool sending the same incident again plans it again: every step is past, so every job runs at once.
        await _bed.Service<RecoveryPlanner>().PlanAsync(incident, CancellationToken.None);
        await _bed.AdvanceAsync(TimeSpan.Zero);

        _bed.CardsSentTo(Lead).Should().HaveCount(sentToLead);
        _bed.CardsSentTo(Megan).Should().HaveCount(sentToMegan);
        _channel.Should().HaveCount(posted);
        (await RunsAsync()).Should().ContainSingle("the members had their recovery pulse; a second would ask them again");
    }

    [Fact]
    public async Task Closing_the_plan_after_the_retrospective_stops_the_rest()
    {
        await InstallAsync();
        var incident = await DeclareAsync();
        await _bed.AdvanceAsync(TimeSpan.FromDays(1));
        CardsSentTo(Lead, "Time for a retrospective").Should().ContainSingle();

        var closed = await Incidents.CloseAsync(await TeamAsync(), incident.Id, Lead.MemberId, CancellationToken.None);
        closed.Outcome.Should().Be(IncidentUpdateOutcome.Updated);
        await _bed.AdvanceAsync(TimeSpan.FromDays(2));
        await _bed.AdvanceAsync(TimeSpan.FromDays(4));
        await _bed.AdvanceAsync(TimeSpan.FromDays(7));

        _bed.CardsSentTo(Lead).Should().ContainSingle("only the retrospective came before the plan was closed");
        _bed.CardsSentTo(Megan).Should().BeEmpty();
        ChannelCards("Incident:").Should().ContainSingle();
        _channel.Should().ContainSingle("the progress note is not posted for a closed plan");
        (await RunsAsync()).Should().BeEmpty("no recovery pulse opens for a closed plan");
    }

    [Fact]
    public async Task A_leads_only_incident_sends_nothing_to_the_channel_and_the_members_check_in_does_not_name_it()
    {
        await InstallAsync();
        await DeclareAsync(IncidentVisibility.LeadsOnly);

        await _bed.AdvanceAsync(TimeSpan.Zero);
        TextOf(CardsSentTo(Lead, $"Incident: {Title}").Should().ContainSingle("the acknowledgement goes to each lead instead").Subject)
            .Should().Contain("Only the leads get this");
        _bed.CardsSentTo(Megan).Should().BeEmpty();

        await _bed.AdvanceAsync(TimeSpan.FromDays(3));
        var checkIn = _bed.CardsSentTo(Megan).Should().ContainSingle().Subject;
        TextOf(checkIn).Should().Contain("A short check-in after a difficult moment").And.NotContain(Title).And.NotContain("support");

        await _bed.AdvanceAsync(TimeSpan.FromDays(4));
        CardsSentTo(Lead, $"A week on: {Title}").Should().ContainSingle("the progress goes to each lead instead");
        await _bed.AdvanceAsync(TimeSpan.FromDays(7));
        CardsSentTo(Lead, "Two weeks on").Should().ContainSingle();

        // The channel hears only that the check-in closed, as after any pulse: nothing about the incident.
        _channel.Should().ContainSingle().Which.Should().Match<JObject>(card => TextOf(card).Contains("This pulse has closed"));
        _channel.Where(card => TextOf(card).Contains(Title, StringComparison.Ordinal)).Should().BeEmpty();
        _bed.CardsSentTo(Megan).Where(card => TextOf(card).Contains(Title, StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_baseline_review_compares_trust_with_the_last_pulse_before_the_incident_and_suggests_keeping_going_when_it_is_lower()
    {
        await InstallAsync();
        await _bed.SayInChannelAsync(Lead, "start pulse");
        await EveryoneAnswersAsync(member => _bed.CardsSentTo(member)[0], 4);
        await _bed.SayInChannelAsync(Lead, "close pulse");
        await _bed.AdvanceAsync(TimeSpan.FromDays(2));
        await DeclareAsync();

        await _bed.AdvanceAsync(TimeSpan.FromDays(3));
        await EveryoneAnswersAsync(member => CardsSentTo(member, "A short check-in after").Single(), 3);
        await _bed.AdvanceAsync(TimeSpan.FromDays(11));

        var review = TextOf(CardsSentTo(Lead, "Two weeks on").Should().ContainSingle().Subject);
        review.Should().Contain("4.0 before → 3.0 now").And.Contain("75 before → 50 now");
        review.Should().Contain("Trust is not back yet").And.Contain("Suggestion: keep going");
    }

    [Fact]
    public async Task Without_enough_answers_since_the_incident_the_review_says_there_is_nothing_to_compare_yet()
    {
        await InstallAsync();
        await _bed.SayInChannelAsync(Lead, "start pulse");
        await EveryoneAnswersAsync(member => _bed.CardsSentTo(member)[0], 4);
        await _bed.SayInChannelAsync(Lead, "close pulse");
        await _bed.AdvanceAsync(TimeSpan.FromDays(2));
        await DeclareAsync();

        await _bed.AdvanceAsync(TimeSpan.FromDays(3));
        // Two answers: fewer than k = 3, so the recovery pulse shows nothing, and nothing is compared.
        foreach (var member in new[] { Megan, Adele })
        {
            await _bed.ClickAsync(member, "pulse.submit", Answer(CardsSentTo(member, "A short check-in after").Single(), 1));
        }

        await _bed.AdvanceAsync(TimeSpan.FromDays(11));

        var review = TextOf(CardsSentTo(Lead, "Two weeks on").Should().ContainSingle().Subject);
        review.Should().Contain("Not enough answers to compare yet").And.NotContain("now (of 5)");
    }

    [Fact]
    public async Task The_progress_note_lists_the_actions_from_the_retrospective()
    {
        await InstallAsync();
        var incident = await DeclareAsync();
        var created = _bed.Clock.GetUtcNow();
        await _bed.Service<Domain.Actions.IActionItemStore>().AddAsync(
            new Domain.Actions.ActionItem(_bed.TeamId, Domain.Actions.ActionItemIds.New(created, Guid.NewGuid()), "Tell support about every date change the same day",
                Megan.MemberId, Megan.Name, new DateOnly(2026, 11, 27), "openness", Lead.MemberId, created, CompletedAt: null, incident.Id),
            CancellationToken.None);
        await _bed.Service<Domain.Actions.IActionItemStore>().AddAsync(
            new Domain.Actions.ActionItem(_bed.TeamId, Domain.Actions.ActionItemIds.New(created, Guid.NewGuid()), "Water the office plants",
                Adele.MemberId, Adele.Name, new DateOnly(2026, 12, 20), "care", Lead.MemberId, created, CompletedAt: null),
            CancellationToken.None);

        await _bed.AdvanceAsync(TimeSpan.FromDays(7));

        var progress = TextOf(ChannelCards("A week on").Should().ContainSingle().Subject);
        progress.Should().Contain("0 of 1 action is done, 1 overdue").And.Contain("Tell support about every date change").And.NotContain("office plants");
    }

    [Fact]
    public async Task A_pulse_already_open_when_the_recovery_pulse_is_due_is_left_alone_and_no_second_card_goes_out()
    {
        await InstallAsync();
        await DeclareAsync();
        await _bed.AdvanceAsync(TimeSpan.FromDays(2));
        await _bed.SayInChannelAsync(Lead, "start pulse");

        await _bed.AdvanceAsync(TimeSpan.FromDays(1));

        (await RunsAsync()).Should().ContainSingle("the lead's own pulse was open, so no recovery pulse was opened beside it");
        _bed.CardsSentTo(Megan).Should().ContainSingle().Which.Should().Match<JObject>(card => !TextOf(card).Contains("A short check-in after"));
    }

    [Fact]
    public async Task The_recovery_pulse_closes_when_the_teams_next_scheduled_pulse_opens_so_that_one_is_not_skipped()
    {
        await InstallAsync();
        // Fridays 10:00 in Berlin is 09:00 UTC: a day after the recovery pulse opens on Thursday.
        var schedule = await _bed.Service<ITeamScheduleStore>().SaveAsync(
            new TeamSchedule(_bed.TeamId, ScheduleCadence.Weekly, DayOfWeek.Friday, new TimeOnly(10, 0), "Europe/Berlin", 3, true, new DateOnly(2026, 11, 23), 0),
            CancellationToken.None);
        await _bed.Service<PulseScheduler>().PlanNextRunAsync(schedule, CancellationToken.None);
        await DeclareAsync();

        await _bed.AdvanceAsync(TimeSpan.FromDays(3));
        var recovery = (await RunsAsync()).Should().ContainSingle().Subject;
        recovery.ClosesAt.Should().Be(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

        await _bed.AdvanceAsync(TimeSpan.FromDays(1));

        var runs = await RunsAsync();
        runs.Should().HaveCount(2, "the scheduled pulse opened on time");
        runs[1].State.Should().Be(PulseRunState.Closed);
        TextOf(_bed.CardsSentTo(Megan)[^1]).Should().Contain("Trust pulse").And.NotContain("A short check-in after");
    }

    [Fact]
    public async Task A_recovery_pulse_job_run_twice_after_a_crash_opens_one_run_and_sends_each_card_once()
    {
        await InstallAsync();
        await DeclareAsync();
        await _bed.AdvanceAsync(TimeSpan.FromDays(1));
        _bed.Clock.Advance(TimeSpan.FromDays(2));
        var jobs = _bed.Service<IJobStore>();
        var job = (await jobs.GetDueAsync(_bed.Clock.GetUtcNow(), 10, CancellationToken.None)).Single(j => j.Kind == JobKind.RecoveryNudge);
        var nudge = _bed.Service<IEnumerable<IJobHandler>>().Single(handler => handler.Kind == JobKind.RecoveryNudge);

        await nudge.RunAsync(job, CancellationToken.None);
        // The instance died before deleting the job: the next tick finds it again, with its progress.
        var again = (await jobs.GetDueAsync(_bed.Clock.GetUtcNow(), 10, CancellationToken.None)).Single(j => j.JobId == job.JobId);
        await nudge.RunAsync(again, CancellationToken.None);
        await _bed.DeliverQueuedAsync();

        (await RunsAsync()).Should().ContainSingle();
        foreach (var member in _bed.Roster)
        {
            CardsSentTo(member, "A short check-in after").Should().ContainSingle();
        }
    }

    [Fact]
    public async Task A_lead_who_keeps_the_plan_going_gets_another_baseline_review_a_week_later()
    {
        await InstallAsync();
        var incident = await DeclareAsync();
        await _bed.AdvanceAsync(TimeSpan.FromDays(14));
        CardsSentTo(Lead, "Two weeks on").Should().ContainSingle();

        var kept = await Incidents.KeepGoingAsync(await TeamAsync(), incident.Id, Lead.MemberId, CancellationToken.None);
        kept.Outcome.Should().Be(IncidentUpdateOutcome.Updated);
        await _bed.AdvanceAsync(TimeSpan.FromDays(7));

        CardsSentTo(Lead, $"Three weeks on: {Title}").Should().ContainSingle("a later review is a delivery of its own, not the first one again");
    }

    // The messenger is a mock: keep the cards the bot posts to the channel.
    private void CapturePostsToTheChannel() =>
        _bed.Messenger
            .Setup(m => m.PostToTeamAsync(It.IsAny<Team>(), It.IsAny<CardMessage>(), It.IsAny<CancellationToken>()))
            .Callback((Team _, CardMessage message, CancellationToken _) =>
            {
                lock (_channel)
                {
                    _channel.Add(CardOf(message.ToActivity()) ?? new JObject());
                }
            })
            .Returns(Task.CompletedTask);
}
