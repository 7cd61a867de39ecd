using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using TrustBot.Delivery;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Storage;
using TrustBot.Storage.Scheduling;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Scheduling;

/// <summary>
/// A job that keeps failing backs off, is given up after its attempts and shows on <c>/readyz</c>;
/// a team whose jobs all fail (Teams refuses its roster) never holds another team's jobs back; and a
/// planner that loses its lease mid-tick stops.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FailingJobTests : IDisposable
{
    private const string RefusedTeamId = "19:refused-team@thread.tacv2";
    private readonly PulseTestbed _bed;

    public FailingJobTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite, testServices: services => services.Configure<SchedulerOptions>(options => options.MaxAttempts = 3));
        // Teams answers 403 for the other team's roster, every time.
        _bed.Messenger
            .Setup(m => m.GetRosterAsync(It.Is<Team>(team => team.Id == RefusedTeamId), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("Forbidden", null, HttpStatusCode.Forbidden));
    }

    public void Dispose() => _bed.Dispose();

    private JobPlanner Planner => _bed.Service<JobPlanner>();

    private IJobStore Jobs => _bed.Service<IJobStore>();

    private Task<IReadOnlyList<ScheduledJob>> PlannedAsync() => new ScheduleSteps(_bed).PlannedAsync();

    private Task<IReadOnlyList<ScheduledJob>> DueNowAsync() => Jobs.GetDueAsync(_bed.Clock.GetUtcNow(), 1000, CancellationToken.None);

    private int RosterReadsOf(string teamId) =>
        _bed.Messenger.Invocations.Count(call => call.Method.Name == nameof(ITeamsMessenger.GetRosterAsync) && ((Team)call.Arguments[0]).Id == teamId);

    private async Task<ScheduledJob> RefusedSyncAsync()
    {
        await _bed.InstallAsync(Lead, RefusedTeamId);
        return (await DueNowAsync()).Single(job => job.TeamId == RefusedTeamId);
    }

    [Fact]
    public async Task A_failing_job_backs_off_doubling_and_is_given_up_after_its_attempts()
    {
        var job = await RefusedSyncAsync();
        var started = _bed.Clock.GetUtcNow();

        await Planner.RunDueJobsAsync(CancellationToken.None);
        (await PlannedAsync()).Single(j => j.JobId == job.JobId).Should().BeEquivalentTo(new { Attempts = 1, RetryAt = started + TimeSpan.FromMinutes(1) });
        (await DueNowAsync()).Should().NotContain(j => j.JobId == job.JobId, "it backs off for a minute");

        await _bed.AdvanceAsync(TimeSpan.FromMinutes(1));
        RosterReadsOf(RefusedTeamId).Should().Be(2);
        (await PlannedAsync()).Single(j => j.JobId == job.JobId).Should().BeEquivalentTo(new { Attempts = 2, RetryAt = started + TimeSpan.FromMinutes(3) });

        await _bed.AdvanceAsync(TimeSpan.FromMinutes(1));
        RosterReadsOf(RefusedTeamId).Should().Be(2, "the second wait is two minutes");

        await _bed.AdvanceAsync(TimeSpan.FromMinutes(1));
        RosterReadsOf(RefusedTeamId).Should().Be(3);
        (await PlannedAsync()).Should().NotContain(j => j.JobId == job.JobId, "it was given up after 3 attempts");
        (await _bed.Service<JobFailures>().CountAsync(10, CancellationToken.None)).Should().Be(1);

        await _bed.AdvanceAsync(TimeSpan.FromHours(2));
        RosterReadsOf(RefusedTeamId).Should().Be(3, "a given-up job is not tried again");
    }

    [Fact]
    public async Task Readyz_is_degraded_with_the_count_of_given_up_jobs()
    {
        await RefusedSyncAsync();
        using var client = _bed.CreateClient();
        var healthy = JsonNode.Parse(await client.GetStringAsync("/readyz"))!;
        healthy["checks"]!["jobs"]!["status"]!.GetValue<string>().Should().Be("Healthy");

        foreach (var wait in new[] { 0, 1, 2 })
        {
            await _bed.AdvanceAsync(TimeSpan.FromMinutes(wait));
        }

        using var readyz = await client.GetAsync("/readyz");
        readyz.StatusCode.Should().Be(HttpStatusCode.OK, "a given-up job degrades the bot but it still serves");
        var report = JsonNode.Parse(await readyz.Content.ReadAsStringAsync())!;
        report["checks"]!["jobs"]!["status"]!.GetValue<string>().Should().Be("Degraded");
        report["checks"]!["jobs"]!["data"]!["givenUp"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task A_hundred_always_failing_jobs_of_one_team_do_not_delay_another_teams_close()
    {
        await _bed.InstallAsync(Lead);
        await _bed.SayInChannelAsync(Lead, "start pulse");
        var run = (await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 1, CancellationToken.None)).Single();
        await RefusedSyncAsync();
        // Due before the close, so that earliest-first alone would fill the tick with them.
        foreach (var n in Enumerable.Range(0, 100))
        {
            await Jobs.AddAsync(ScheduledJob.Plan(JobKind.SyncRoster, RefusedTeamId, $"resync-{n}", _bed.Clock.GetUtcNow()), CancellationToken.None);
        }

        _bed.Clock.Advance(run.ClosesAt - _bed.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await Planner.RunDueJobsAsync(CancellationToken.None);

        (await _bed.Pulses.GetRunAsync(_bed.TeamId, run.RunId, CancellationToken.None))!.State.Should().Be(PulseRunState.Closed, "the close ran on the first tick");
        RosterReadsOf(RefusedTeamId).Should().Be(new SchedulerOptions().MaxJobsPerTeamPerTick, "a tick takes a bounded share of one team's jobs");
    }

    [Fact]
    public async Task A_planner_that_loses_its_lease_mid_tick_runs_no_further_job()
    {
        await _bed.InstallAsync(Lead);
        await _bed.InstallAsync(Lead, RefusedTeamId);
        var leases = _bed.Service<StorageTables>().Get(StorageLease.TableName);
        var lease = new StorageLease(leases, "planner", "this-instance", TimeSpan.FromSeconds(90), _bed.Clock);
        var other = new StorageLease(leases, "planner", "other-instance", TimeSpan.FromSeconds(90), _bed.Clock);
        (await lease.TryAcquireAsync()).Should().BeTrue();
        // While the first job reads a roster, this instance stalls past its lease and another takes it over.
        _bed.Messenger
            .Setup(m => m.GetRosterAsync(It.IsAny<Team>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                _bed.Clock.Advance(TimeSpan.FromMinutes(2));
                (await other.TryAcquireAsync()).Should().BeTrue();
                return _bed.Roster;
            });

        var finished = await Planner.RunDueJobsAsync(lease, CancellationToken.None);

        finished.Should().Be(1);
        _bed.Messenger.Verify(m => m.GetRosterAsync(It.IsAny<Team>(), It.IsAny<CancellationToken>()), Times.Once);
        (await DueNowAsync()).Should().ContainSingle(job => job.Kind == JobKind.SyncRoster, "the second team's sync waits for the new lease holder");
    }
}
