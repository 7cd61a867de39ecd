using TrustBot.Domain.Recovery;
using TrustBot.Domain.Scheduling;
using TrustBot.Scheduling;

namespace TrustBot.Recovery.Webhook;

/// <summary>
/// Does <see cref="JobKind.ExpireWebhookReplays"/>: deletes every webhook's signature records that
/// the timestamp window no longer needs (of any minute, so a run that was missed is made up).
/// Repeatable: a second run finds nothing left to delete.
/// </summary>
public sealed partial class ExpireWebhookReplaysJob(IIncidentWebhookStore webhooks, TimeProvider clock, ILogger<ExpireWebhookReplaysJob> logger) : IJobHandler
{
    /// <inheritdoc />
    public JobKind Kind => JobKind.ExpireWebhookReplays;

    /// <inheritdoc />
    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        var deleted = await webhooks.DeleteSignaturesSignedBeforeAsync(clock.GetUtcNow() - IncidentWebhookSignature.Window, cancellationToken).ConfigureAwait(false);
        Log.Expired(logger, deleted);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} incident webhook signature records past their timestamp window")]
        public static partial void Expired(ILogger logger, int count);
    }
}
