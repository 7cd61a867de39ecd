using Azure.Data.Tables;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Storage.Delivery;

/// <summary>
/// Deliveries that kept failing (or could not be read), with their last error, for operators to
/// look at: table <c>DeliveryFailures</c>, partition = team (so it goes with the team), row =
/// batch and recipient. Nothing here is retried by itself.
/// </summary>
public sealed class DeliveryFailures
{
    internal const string FailuresTable = "DeliveryFailures";

    // Messages that cannot be read name no team; they are kept apart under this partition.
    private const string UnreadablePartition = "unreadable";

    private readonly StorageTable _table;

    /// <summary>Uses the registered <c>DeliveryFailures</c> table.</summary>
    public DeliveryFailures(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(FailuresTable);
    }

    /// <summary>Records a delivery that was given up, with why.</summary>
    public async Task RecordAsync(DeliveryRequest request, int attempts, string error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recipient = request.Recipient?.MemberId ?? "channel";
        await _table.UpsertAsync(new TableEntity(TableKey.Encode(request.TeamId), TableKey.Compose(request.BatchId, recipient))
        {
            ["BatchId"] = request.BatchId,
            ["Kind"] = request.Kind.ToString(),
            ["Subject"] = request.Subject,
            ["Attempts"] = attempts,
            ["Error"] = error,
            ["FailedAt"] = at,
            [TableRegistration.MemberKeyProperty] = request.Recipient?.MemberId,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a queue message that is not a delivery request at all (its id only: the body may hold anything).</summary>
    public async Task RecordUnreadableAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await _table.UpsertAsync(new TableEntity(UnreadablePartition, TableKey.Encode(messageId))
        {
            ["Error"] = "The queue message is not a delivery request.",
            ["FailedAt"] = at,
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>How many failures are recorded, counting up to <paramref name="cap"/> (keys only are read).</summary>
    public async Task<int> CountAsync(int cap, CancellationToken cancellationToken) =>
        await _table.QueryAsync("PartitionKey ge ''", select: ["RowKey"], cancellationToken: cancellationToken)
            .Take(cap)
            .CountAsync(cancellationToken)
            .ConfigureAwait(false);
}
