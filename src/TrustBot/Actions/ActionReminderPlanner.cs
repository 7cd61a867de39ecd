using TrustBot.Domain.Actions;
using TrustBot.Domain.Scheduling;
using TrustBot.Teams;

namespace TrustBot.Actions;

/// <summary>
/// Plans an action item's reminders and the team's weekly digest for its leads. Called whenever an
/// item is added or changed: the jobs are keyed by (item, due date, owner), so planning again is
/// harmless, and what a change made obsolete finds the item changed when it comes due and does nothing.
/// </summary>
public sealed class ActionReminderPlanner(IJobStore jobs, ITeamScheduleStore schedules, PersonalTimeZones zones, TimeProvider clock)
{
    /// <summary>Plans the item's reminders still ahead (none for a completed item) and the team's next digest.</summary>
    public async Task PlanAsync(ActionItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.IsCompleted)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var ownerZone = await zones.ZoneIdOfAsync(item.OwnerId, cancellationToken).ConfigureAwait(false);
        foreach (var kind in Enum.GetValues<ActionReminderKind>())
        {
            // A reminder whose morning has passed (an item due today or tomorrow, an overdue one reopened) would only arrive late.
            var dueAt = ActionReminders.DueAt(item, kind, ownerZone);
            if (dueAt > now)
            {
                await jobs.AddAsync(ScheduledJob.Plan(JobKind.ActionReminder, item.TeamId, ActionReminders.Subject(item, kind), dueAt), cancellationToken).ConfigureAwait(false);
            }
        }

        await PlanDigestAsync(item.TeamId, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans the team's first digest after <paramref name="after"/>: Monday morning in the team's
    /// pulse schedule's time zone (UTC without one). However often it is planned, a week has one job.
    /// </summary>
    public async Task PlanDigestAsync(string teamId, DateTimeOffset after, CancellationToken cancellationToken)
    {
        var zone = await TeamZoneAsync(teamId, cancellationToken).ConfigureAwait(false);
        await jobs.AddAsync(
            ScheduledJob.Plan(JobKind.ActionDigest, teamId, ActionReminders.DigestSubject, ActionReminders.NextDigestAt(after, zone)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The time zone the item's owner is reminded in: their own when known, else the item's.</summary>
    public async Task<TimeZoneInfo> OwnerZoneAsync(ActionItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return ActionReminders.OwnerZoneOf(item, await zones.ZoneIdOfAsync(item.OwnerId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The time zone the team's digest keeps to.</summary>
    public async Task<TimeZoneInfo> TeamZoneAsync(string teamId, CancellationToken cancellationToken) =>
        ActionReminders.ZoneOf((await schedules.GetAsync(teamId, cancellationToken).ConfigureAwait(false))?.TimeZoneId);
}
