using Moq;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Scheduling;

/// <summary>
/// <c>start pulse</c> answers once its whole intent is one durable job; the job does the rest, and a
/// crash after any of its steps still ends, once the planner runs again, with every member's card
/// sent once, the run's reminder and close planned once, and no second run.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StartPulseIntentTests : IDisposable
{
    private readonly CrashSwitch _crash = new();
    private readonly PulseTestbed _bed;

    public StartPulseIntentTests(AzuriteFixture azurite) => _bed = new PulseTestbed(azurite, testServices: services =>
    {
        _crash.Wrap<ITeamRosterStore>(services);
        _crash.Wrap<IPulseStore>(services);
        _crash.Wrap<IJobStore>(services);
        _crash.Wrap<ITeamScheduleStore>(services);
    });

    public void Dispose() => _bed.Dispose();

    /// <summary>Every step of the intent's job, as the place a crash can follow it.</summary>
    public static TheoryData<string> Steps => ["the roster is stored", "the run is opened", "the run is noted on the job", "the schedule is read", "the cards are queued and the reminder planned"];

    private JobPlanner Planner => _bed.Service<JobPlanner>();

    private Task<IReadOnlyList<ScheduledJob>> PlannedAsync() => new ScheduleSteps(_bed).PlannedAsync();

    private async Task InstalledAsync()
    {
        await _bed.InstallAsync(Lead);
        await _bed.AdvanceAsync(TimeSpan.Zero);
        _bed.RunsTurnIntents = false;
    }

    [Fact]
    public async Task Start_pulse_answers_after_writing_one_job_and_no_run_and_the_woken_planner_sends_the_cards()
    {
        await InstalledAsync();
        var before = await PlannedAsync();
        _bed.Messenger.Invocations.Clear();

        var replies = await _bed.SayInChannelAsync(Lead, "start pulse");

        ShownBy(replies).Should().Contain("Pulse starting").And.Contain("stays open for 3 days");
        var written = (await PlannedAsync()).ExceptBy(before.Select(job => job.JobId), job => job.JobId).ToList();
        written.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = JobKind.StartPulse, _bed.TeamId, DueAt = _bed.Clock.GetUtcNow() });
        (await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 10, CancellationToken.None)).Should().BeEmpty("the turn opens no run itself");
        _bed.Messenger.Verify(m => m.GetRosterAsync(It.IsAny<Team>(), It.IsAny<CancellationToken>()), Times.Never, "the turn reads no roster from Teams");
        _bed.Roster.Should().OnlyContain(member => _bed.CardsSentTo(member).Count == 0);

        (await Planner.RunTurnIntentsAsync(CancellationToken.None)).Should().Be(1);
        await _bed.DeliverQueuedAsync();

        _bed.Roster.Should().OnlyContain(member => _bed.CardsSentTo(member).Count == 1);
        (await PlannedAsync()).Should().ContainSingle(job => job.Kind == JobKind.ClosePulse).And.NotContain(job => job.Kind == JobKind.StartPulse);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_crash_after_any_step_ends_with_every_card_sent_once_and_the_close_planned_once_when_the_planner_runs_again(string step)
    {
        await InstalledAsync();
        await _bed.SayInChannelAsync(Lead, "start pulse");
        Arm(step);

        (await Planner.RunTurnIntentsAsync(CancellationToken.None)).Should().Be(0, "the job crashed after " + step);
        await _bed.DeliverQueuedAsync();
        (await PlannedAsync()).Should().ContainSingle(job => job.Kind == JobKind.StartPulse).Which.Attempts.Should().Be(1);
        await _bed.AdvanceAsync(TimeSpan.FromMinutes(5));

        _bed.Roster.Should().OnlyContain(member => _bed.CardsSentTo(member).Count == 1, "every member gets the card once");
        var run = (await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 10, CancellationToken.None)).Should().ContainSingle().Subject;
        run.State.Should().Be(PulseRunState.Open);
        var planned = await PlannedAsync();
        planned.Should().ContainSingle(job => job.Kind == JobKind.ClosePulse).Which.Subject.Should().Be(run.RunId);
        planned.Should().ContainSingle(job => job.Kind == JobKind.RemindPulse).Which.Subject.Should().Be(run.RunId);
        planned.Should().NotContain(job => job.Kind == JobKind.StartPulse, "the intent is done");
    }

    [Fact]
    public async Task Start_pulse_refuses_while_a_run_is_open_and_writes_nothing()
    {
        await InstalledAsync();
        await _bed.SayInChannelAsync(Lead, "start pulse");
        await Planner.RunTurnIntentsAsync(CancellationToken.None);
        var before = await PlannedAsync();

        var replies = await _bed.SayInChannelAsync(Lead, "start pulse");

        ShownBy(replies).Should().Contain("A pulse is already open");
        (await PlannedAsync()).Select(job => job.JobId).Should().BeEquivalentTo(before.Select(job => job.JobId));
    }

    private void Arm(string step)
    {
        switch (step)
        {
            case "the roster is stored": _crash.Arm<ITeamRosterStore>(nameof(ITeamRosterStore.ReplaceAsync)); break;
            case "the run is opened": _crash.Arm<IPulseStore>(nameof(IPulseStore.TryStartRunAsync)); break;
            case "the run is noted on the job": _crash.Arm<IJobStore>(nameof(IJobStore.SaveProgressAsync)); break;
            case "the schedule is read": _crash.Arm<ITeamScheduleStore>(nameof(ITeamScheduleStore.GetAsync)); break;
            default: _crash.Arm<IJobStore>(nameof(IJobStore.AddAsync)); break;
        }
    }
}
