using System.Globalization;
using TrustBot.Delivery;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;

namespace TrustBot.Pulse;

/// <summary>
/// Opens a team's scheduled run: invites the stored roster, queues the cards, plans the run's
/// reminder and close, and plans the next opening. A job planned under an older schedule does
/// nothing; a lead's own run that is still open means this opening is skipped.
/// </summary>
public sealed class OpenScheduledPulseJob(
    ITeamScheduleStore schedules,
    ITeamStore teams,
    ITeamRosterStore rosters,
    ITeamsMessenger messenger,
    IPulseStore runs,
    PulseService pulses,
    PulseFanOut fanOut,
    PulseScheduler scheduler,
    IJobStore jobs,
    TimeProvider clock) : IJobHandler
{
    /// <inheritdoc />
    public JobKind Kind => JobKind.OpenPulse;

    /// <inheritdoc />
    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var schedule = await schedules.GetAsync(job.TeamId, cancellationToken).ConfigureAwait(false);
        if (schedule is null || schedule.Cadence == ScheduleCadence.Off
            || schedule.Revision.ToString(CultureInfo.InvariantCulture) != job.Subject)
        {
            return;
        }

        var team = await teams.GetTeamAsync(job.TeamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return;
        }

        // A repeat after a crash carries on with the run the first attempt opened.
        var run = job.Progress is { } runId
            ? await runs.GetRunAsync(job.TeamId, runId, cancellationToken).ConfigureAwait(false)
            : await OpenAsync(job, team, schedule, cancellationToken).ConfigureAwait(false);
        if (run is not null)
        {
            await fanOut.StartAsync(team, run, schedule.Reminders, cancellationToken).ConfigureAwait(false);
        }

        await scheduler.PlanNextRunAsync(schedule, cancellationToken).ConfigureAwait(false);
    }

    // Never past the next opening: after the clocks go forward, a week is an hour short, and a
    // seven-day run still open then would make the next opening find it and skip.
    private TimeSpan WindowOf(TeamSchedule schedule)
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromDays(schedule.WindowDays);
        return ScheduleCalendar.NextRuns(schedule, now, 1) is [var next] && next - now < window ? next - now : window;
    }

    private async Task<PulseRun?> OpenAsync(ScheduledJob job, Team team, TeamSchedule schedule, CancellationToken cancellationToken)
    {
        var stored = await rosters.GetAsync(team.Id, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<RosterMember> roster = [.. stored.Select(entry => entry.Member)];
        if (roster.Count == 0)
        {
            // Installed before rosters were kept, or the sync job has not run yet.
            roster = await messenger.GetRosterAsync(team, cancellationToken).ConfigureAwait(false);
            await rosters.ReplaceAsync(team.Id, roster, cancellationToken).ConfigureAwait(false);
        }

        var started = await pulses.StartAsync(team, roster, WindowOf(schedule), cancellationToken).ConfigureAwait(false);
        if (started.Started is not { } run)
        {
            return null;
        }

        await jobs.SaveProgressAsync(job with { Progress = run.RunId }, cancellationToken).ConfigureAwait(false);
        return run;
    }
}
