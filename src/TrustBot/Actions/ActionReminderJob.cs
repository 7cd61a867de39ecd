using TrustBot.Delivery;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;

namespace TrustBot.Actions;

/// <summary>
/// Reminds an item's owner when the reminder comes due, if it still applies: the item is there,
/// open, and has the due date and owner it was planned for. The delivery's batch is the job's
/// subject, so a repeat of the job sends nothing twice.
/// </summary>
public sealed partial class ActionReminderJob(IActionItemStore actions, ITeamStore teams, RosterFanOut fanOut, ILogger<ActionReminderJob> logger) : IJobHandler
{
    /// <inheritdoc />
    public JobKind Kind => JobKind.ActionReminder;

    /// <inheritdoc />
    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (ActionReminders.Parse(job.Subject) is not { } subject)
        {
            LogUnreadable(job.JobId);
            return;
        }

        var item = await actions.GetAsync(job.TeamId, subject.ItemId, cancellationToken).ConfigureAwait(false);
        if (!ActionReminders.StillApplies(item, subject)
            || await teams.GetTeamAsync(job.TeamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        await fanOut.QueueAsync(team, [subject.OwnerId], DeliveryKind.ActionReminder, job.Subject, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Action reminder job {JobId} names no action item; nothing was sent.")]
    private partial void LogUnreadable(string jobId);
}
