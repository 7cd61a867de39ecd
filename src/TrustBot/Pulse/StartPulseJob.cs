using TrustBot.Delivery;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;

namespace TrustBot.Pulse;

/// <summary>
/// Does <see cref="JobKind.StartPulse"/>, the intent a lead's <c>start pulse</c> wrote: reads the
/// live roster (kept as the team's stored roster too), opens the run, queues its cards and plans
/// its reminder and close. Every step is repeatable, so a repeat after a crash at any point ends
/// with every card sent once and every follow-up planned once.
/// </summary>
public sealed class StartPulseJob(
    ITeamStore teams,
    ITeamsMessenger messenger,
    ITeamRosterStore rosters,
    IPulseStore runs,
    PulseService pulses,
    PulseFanOut fanOut,
    ITeamScheduleStore schedules,
    IJobStore jobs) : IJobHandler
{
    /// <inheritdoc />
    public JobKind Kind => JobKind.StartPulse;

    /// <inheritdoc />
    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (await teams.GetTeamAsync(job.TeamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            // Removed since the lead asked: there is nobody to send to any more.
            return;
        }

        // A repeat carries on with the run the first attempt opened.
        var run = job.Progress is { } runId
            ? await runs.GetRunAsync(job.TeamId, runId, cancellationToken).ConfigureAwait(false)
            : await OpenAsync(job, team, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return;
        }

        var schedule = await schedules.GetAsync(team.Id, cancellationToken).ConfigureAwait(false);
        await fanOut.StartAsync(team, run, remind: schedule?.Reminders ?? true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PulseRun?> OpenAsync(ScheduledJob job, Team team, CancellationToken cancellationToken)
    {
        var roster = await messenger.GetRosterAsync(team, cancellationToken).ConfigureAwait(false);
        await rosters.ReplaceAsync(team.Id, roster, cancellationToken).ConfigureAwait(false);
        var started = await pulses.StartAsync(team, roster, window: null, cancellationToken).ConfigureAwait(false);
        // An open run found here is the one a crashed attempt opened before it could record it (the
        // turn refuses while a run is open), or one opened a moment ago by a race: carrying on with
        // it only queues cards and plans jobs that are stored once whoever asks.
        if ((started.Started ?? started.AlreadyOpen) is not { } run)
        {
            return null;
        }

        await jobs.SaveProgressAsync(job with { Progress = run.RunId }, cancellationToken).ConfigureAwait(false);
        return run;
    }
}
