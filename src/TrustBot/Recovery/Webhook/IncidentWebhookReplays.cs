using System.Globalization;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Recovery.Webhook;

/// <summary>
/// Spends an incident webhook request's signature, so the same request cannot be sent again, and
/// plans the deletion of that record once the timestamp check refuses the request anyway.
/// </summary>
public sealed class IncidentWebhookReplays(IIncidentWebhookStore webhooks, IJobStore jobs)
{
    /// <summary>
    /// When the records of requests signed in a minute may go: after the last instant of that minute
    /// plus <see cref="IncidentWebhookSignature.Window"/>.
    /// </summary>
    public static DateTimeOffset ExpiryOf(DateTimeOffset signedAt) => MinuteOf(signedAt) + TimeSpan.FromMinutes(1) + IncidentWebhookSignature.Window;

    /// <summary>
    /// Records the signature; false when it was recorded before (a replay). The deletion is planned
    /// first, one job per minute of signatures, so no record is ever left without one.
    /// </summary>
    public async Task<bool> TrySpendAsync(IncidentWebhook webhook, ReadOnlyMemory<byte> signature, DateTimeOffset signedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var minute = MinuteOf(signedAt).ToString("O", CultureInfo.InvariantCulture);
        await jobs.AddAsync(ScheduledJob.Plan(JobKind.ExpireWebhookReplays, webhook.TeamId, minute, ExpiryOf(signedAt)), cancellationToken).ConfigureAwait(false);
        return await webhooks.TryRecordSignatureAsync(webhook.WebhookId, Convert.ToHexStringLower(signature.Span), signedAt, cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset MinuteOf(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
