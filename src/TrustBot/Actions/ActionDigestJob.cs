using TrustBot.Delivery;
using TrustBot.Domain;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Teams;

namespace TrustBot.Actions;

/// <summary>
/// Monday's digest for the leads: which of the team's action items are overdue, and whose they are.
/// While the team has open items it plans the next week's; once none is open it stops, and the next
/// item added starts it again. A week with nothing overdue sends nothing.
/// </summary>
/// <remarks>
/// The deliveries' subject is the digest's local day, so two digests planned for the same Monday
/// (the team's time zone changed in between) reach each lead once.
/// </remarks>
public sealed class ActionDigestJob(
    IActionItemStore actions, ITeamStore teams, TeamDirectory directory, RosterFanOut fanOut, ActionReminderPlanner planner, TimeProvider clock) : IJobHandler
{
    /// <inheritdoc />
    public JobKind Kind => JobKind.ActionDigest;

    /// <inheritdoc />
    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var items = await actions.GetAllAsync(job.TeamId, cancellationToken).ConfigureAwait(false);
        if (!items.Any(item => !item.IsCompleted)
            || await teams.GetTeamAsync(job.TeamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await planner.PlanDigestAsync(team.Id, now, cancellationToken).ConfigureAwait(false);
        var zone = await planner.TeamZoneAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var today = ActionReminders.LocalDay(job.DueAt, zone);
        if (!items.Any(item => item.IsOverdue(today)))
        {
            return;
        }

        var leads = await directory.LeadIdsAsync(team.Id, cancellationToken).ConfigureAwait(false);
        await fanOut.QueueAsync(team, leads, DeliveryKind.ActionDigest, DigestDay(today), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The subject of a digest's deliveries: its local day.</summary>
    public static string DigestDay(DateOnly day) => FormFormats.FormatDay(day);

    /// <summary>The day a digest delivery's subject names, or null.</summary>
    public static DateOnly? ReadDigestDay(string subject) => FormFormats.ParseDay(subject);
}
