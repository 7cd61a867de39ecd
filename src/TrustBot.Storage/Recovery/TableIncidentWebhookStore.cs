using System.Globalization;
using Azure.Data.Tables;
using TrustBot.Domain.Recovery;

namespace TrustBot.Storage.Recovery;

/// <summary>
/// <see cref="IIncidentWebhookStore"/> over two tables. <c>IncidentWebhooks</c> holds each team's
/// webhook in the team's partition (row <c>webhook</c>: id, version, when the secret was made) and,
/// so a request's URL finds its team with a point read, a lookup row per webhook id (partition
/// <c>by-id|{webhookId}</c>, row <c>team</c>). <c>WebhookReplays</c> holds the signatures the webhooks
/// accepted, partitioned by the minute they were signed in (partition <c>yyyyMMddHHmm</c>, UTC; row
/// <c>{webhookId}|{signature}</c>), so the records that expired are the partitions before a minute:
/// one range query finds them. See docs/storage.md.
/// </summary>
/// <remarks>
/// Deleting a team's data removes its webhook row but not the lookup row (it is not in the team's
/// partition); <see cref="FindAsync"/> only trusts a lookup the team's row confirms, so a leftover
/// lookup finds nothing, and a webhook created after the bot is installed again gets a new id.
/// </remarks>
public sealed class TableIncidentWebhookStore : IIncidentWebhookStore
{
    internal const string WebhooksTable = "IncidentWebhooks";
    internal const string ReplaysTable = "WebhookReplays";

    // Encoded ids never contain a bare separator, so no team's partition can look like a lookup's.
    private const string LookupPartitionPrefix = "by-id";
    private const string LookupRow = "team";
    private const string TeamIdProperty = "TeamId";
    private const string WebhookIdProperty = "WebhookId";
    private const string SignedAtProperty = "SignedAt";
    private const string MinuteFormat = "yyyyMMddHHmm";

    // Read in place of a team's row when a webhook id is unknown: no encoded team id has a bare separator.
    private const string NoTeamPartition = LookupPartitionPrefix + "|";

    private readonly StorageTable _table;
    private readonly RecordTable<IncidentWebhook> _webhooks;
    private readonly StorageTable _replays;

    /// <summary>Uses the registered <c>IncidentWebhooks</c> and <c>WebhookReplays</c> tables.</summary>
    public TableIncidentWebhookStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(WebhooksTable);
        _webhooks = new RecordTable<IncidentWebhook>(_table, new IncidentWebhookMapper());
        _replays = tables.Get(ReplaysTable);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The version is read and written under the row's ETag, so two rotations never hand out the same
    /// version. A new webhook's lookup row is written before the team's row, so a team's row never
    /// names an id that cannot be found; a create that loses the race to another leaves an unused
    /// lookup (harmless, see the class remarks) and rotates the winner.
    /// </remarks>
    public async Task<IncidentWebhook> CreateOrRotateAsync(string teamId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        IncidentWebhook? saved = null;
        await OptimisticRetry.RunAsync(
            async token =>
            {
                var stored = await _webhooks.GetAsync(TableKey.Encode(teamId), IncidentWebhookMapper.RowKey, token).ConfigureAwait(false);
                WriteResult written;
                if (stored is null)
                {
                    saved = new IncidentWebhook(IncidentWebhookSignature.NewWebhookId(), teamId, 1, now);
                    await _table.UpsertAsync(new TableEntity(LookupPartition(saved.WebhookId), LookupRow) { [TeamIdProperty] = teamId }, token).ConfigureAwait(false);
                    written = await _webhooks.InsertAsync(saved, token).ConfigureAwait(false);
                }
                else
                {
                    saved = stored.Value with { Version = stored.Value.Version + 1, CreatedAt = now };
                    written = await _webhooks.ReplaceAsync(stored with { Value = saved }, token).ConfigureAwait(false);
                }

                return written.Conflict;
            },
            $"the incident webhook of team {teamId}",
            cancellationToken).ConfigureAwait(false);
        return saved!;
    }

    /// <inheritdoc />
    public async Task<IncidentWebhook?> GetForTeamAsync(string teamId, CancellationToken cancellationToken) =>
        (await _webhooks.GetAsync(TableKey.Encode(teamId), IncidentWebhookMapper.RowKey, cancellationToken).ConfigureAwait(false))?.Value;

    /// <inheritdoc />
    /// <remarks>Two point reads whether or not the id is known: the lookup, then a team's row (a row that does not exist when it is not).</remarks>
    public async Task<IncidentWebhook?> FindAsync(string webhookId, CancellationToken cancellationToken)
    {
        var lookup = await _table.GetAsync(LookupPartition(webhookId), LookupRow, cancellationToken).ConfigureAwait(false);
        var teamId = lookup?.GetString(TeamIdProperty);
        var stored = await _webhooks.GetAsync(teamId is null ? NoTeamPartition : TableKey.Encode(teamId), IncidentWebhookMapper.RowKey, cancellationToken).ConfigureAwait(false);
        return teamId is not null && stored?.Value.WebhookId == webhookId ? stored.Value : null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// An insert: the row's existence is the record, so two copies of one request arriving at once
    /// cannot both win. A copy carries the same timestamp, so it lands in the same minute's partition.
    /// </remarks>
    public async Task<bool> TryRecordSignatureAsync(string webhookId, string signature, DateTimeOffset signedAt, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(MinuteOf(signedAt), TableKey.Compose(webhookId, signature))
        {
            [WebhookIdProperty] = webhookId,
            [SignedAtProperty] = signedAt,
        };
        var written = await _replays.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
        return written.Conflict switch
        {
            null => true,
            { Kind: StorageConflictKind.AlreadyExists } => false,
            var conflict => throw new InvalidOperationException($"Unexpected conflict recording a webhook signature: {conflict}."),
        };
    }

    /// <inheritdoc />
    /// <remarks>One range query over the partitions of earlier minutes, then a batch delete per minute; a run that stops part-way is finished by the next.</remarks>
    public Task<int> DeleteSignaturesSignedBeforeAsync(DateTimeOffset signedBefore, CancellationToken cancellationToken) =>
        _replays.DeleteMatchingAsync(TableClient.CreateQueryFilter($"PartitionKey lt {MinuteOf(signedBefore)}"), cancellationToken);

    private static string MinuteOf(DateTimeOffset at) => at.UtcDateTime.ToString(MinuteFormat, CultureInfo.InvariantCulture);

    private static string LookupPartition(string webhookId) => TableKey.Compose(LookupPartitionPrefix, webhookId);

    private sealed class IncidentWebhookMapper : IEntityMapper<IncidentWebhook>
    {
        public const string RowKey = "webhook";

        public TableEntity ToEntity(IncidentWebhook record) => new(TableKey.Encode(record.TeamId), RowKey)
        {
            [nameof(IncidentWebhook.WebhookId)] = record.WebhookId,
            [nameof(IncidentWebhook.Version)] = record.Version,
            [nameof(IncidentWebhook.CreatedAt)] = record.CreatedAt,
        };

        public IncidentWebhook FromEntity(TableEntity entity) => new(
            entity.RequiredString(nameof(IncidentWebhook.WebhookId)),
            TableKey.Decode(entity.PartitionKey),
            entity.RequiredInt32(nameof(IncidentWebhook.Version)),
            entity.RequiredDateTimeOffset(nameof(IncidentWebhook.CreatedAt)));
    }
}
