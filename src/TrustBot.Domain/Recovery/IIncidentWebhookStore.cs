namespace TrustBot.Domain.Recovery;

/// <summary>
/// Each team's incident webhook, found by the team or by the id in its URL, and the signatures it
/// has already accepted (so a captured request cannot be sent again).
/// </summary>
public interface IIncidentWebhookStore
{
    /// <summary>
    /// Creates the team's webhook (version 1, a fresh id) or rotates it (same id, version + 1, so the
    /// old secret stops working at once); returns it as stored.
    /// </summary>
    Task<IncidentWebhook> CreateOrRotateAsync(string teamId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The team's webhook, or null when it has none.</summary>
    Task<IncidentWebhook?> GetForTeamAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>
    /// The webhook with this id, or null when there is none; also null once its team's data was
    /// deleted, even if a lookup by id was left behind. An unknown id costs the same reads as a known
    /// one, so the time it takes does not tell which ids exist.
    /// </summary>
    Task<IncidentWebhook?> FindAsync(string webhookId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the webhook accepted a request with this signature; false when it was recorded
    /// before, i.e. the request is a replay. The record is only needed while a request signed at
    /// <paramref name="signedAt"/> could pass the timestamp check (<see cref="IncidentWebhookSignature.Window"/>).
    /// </summary>
    /// <param name="webhookId">The webhook.</param>
    /// <param name="signature">The signature, as lower-case hex.</param>
    /// <param name="signedAt">The request's timestamp: a replay carries the same one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> TryRecordSignatureAsync(string webhookId, string signature, DateTimeOffset signedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the records of signatures made before <paramref name="signedBefore"/> (to the minute),
    /// of every webhook: the timestamp check refuses their requests anyway. Returns how many went.
    /// </summary>
    Task<int> DeleteSignaturesSignedBeforeAsync(DateTimeOffset signedBefore, CancellationToken cancellationToken);
}

/// <summary>A team's incident webhook. Its secret is not stored: it is derived from the id and version (<see cref="IncidentWebhookSignature.SecretFor"/>).</summary>
/// <param name="WebhookId">The opaque id in the webhook's URL (see <see cref="IncidentWebhookSignature.NewWebhookId"/>).</param>
/// <param name="TeamId">The team whose incidents it reports.</param>
/// <param name="Version">1 when created, one more for every rotation of the secret.</param>
/// <param name="CreatedAt">When the current secret was made (created or last rotated).</param>
public sealed record IncidentWebhook(string WebhookId, string TeamId, int Version, DateTimeOffset CreatedAt);
