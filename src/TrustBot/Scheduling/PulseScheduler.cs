using TrustBot.Domain.Scheduling;

namespace TrustBot.Scheduling;

/// <summary>
/// Turns a team's schedule into the job that opens its next run. Each opened run plans the one
/// after it, so a team always has exactly one pending opening; a job planned under an older
/// revision of the schedule finds the revision changed when it is due and does nothing.
/// </summary>
public sealed class PulseScheduler(IJobStore jobs, TimeProvider clock)
{
    /// <summary>Adds the job that opens the schedule's next run after now (none when the cadence is off).</summary>
    public async Task PlanNextRunAsync(TeamSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var next = ScheduleCalendar.NextRuns(schedule, clock.GetUtcNow(), 1);
        if (next.Count == 0)
        {
            return;
        }

        var revision = schedule.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await jobs.AddAsync(
            ScheduledJob.Plan(JobKind.OpenPulse, schedule.TeamId, revision, next[0]),
            cancellationToken).ConfigureAwait(false);
    }
}
