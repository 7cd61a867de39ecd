using Azure;
using Azure.Data.Tables;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Storage.Delivery;

/// <summary>
/// What became of each delivery, under (batch, recipient): claimed by a worker that is sending
/// it, done, or failed for now. A worker claims before it sends and records done after, so a queue
/// message seen again (a crash, a second instance, a visibility timeout that ran out) is not sent
/// twice. Table <c>Deliveries</c>: partition = batch, row = the recipient. The deliveries of one
/// queue message share a batch, so their claims and marks are written together, one table
/// transaction (one request) for up to <see cref="StorageTable.MaxBatchSize"/> of them.
/// </summary>
/// <remarks>
/// "Done" does not say whether a message was sent or skipped: a reminder is skipped for members
/// who answered, and the ledger must not become a list of who answered. So a done row holds its
/// state and the member key (for "forget me") and nothing else: no holder, claim time or last
/// error that would time the send or show that one was attempted (see docs/threat-model.md).
/// </remarks>
public sealed class DeliveryLedger
{
    internal const string DeliveriesTable = "Deliveries";
    private const string ChannelRow = "channel";
    private const string StateProperty = "State";
    private const string HolderProperty = "Holder";
    private const string ClaimedAtProperty = "ClaimedAt";
    private const string LastErrorProperty = "LastError";

    private readonly StorageTable _table;

    /// <summary>Uses the registered <c>Deliveries</c> table.</summary>
    public DeliveryLedger(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(DeliveriesTable);
    }

    /// <summary>
    /// Claims deliveries of one batch for <paramref name="holder"/>, in one transaction when none
    /// was seen before (the common case) and in a read and a transaction otherwise. A delivery is
    /// claimable when nobody has it, when an earlier attempt failed, or when a claim is older than
    /// <paramref name="staleAfter"/> (its worker died mid-send: sending again risks a duplicate, but
    /// not sending would lose it). Returns one claim per request, in order.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryClaim>> ClaimAsync(
        IReadOnlyList<DeliveryRequest> requests, string holder, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var batch = OneBatch(requests);
        if (batch.Count == 0)
        {
            return [];
        }

        var inserted = await _table.SubmitBatchAsync(
            [.. batch.Select(request => new TableTransactionAction(TableTransactionActionType.Add, Entity(request, DeliveryState.Sending, holder, now, null)))],
            cancellationToken).ConfigureAwait(false);
        ThrowIfUnavailable(inserted);
        if (inserted.Succeeded)
        {
            return [.. batch.Select(request => new DeliveryClaim(DeliveryClaimOutcome.Claimed, request))];
        }

        // Some were seen before (a message that came back, a second instance): read their rows and
        // take over only those nobody holds, each under its ETag.
        var stored = await RowsAsync(batch, cancellationToken).ConfigureAwait(false);
        var claims = new List<DeliveryClaim>(batch.Count);
        var takeOver = new List<TableTransactionAction>();
        foreach (var request in batch)
        {
            var outcome = OutcomeOf(stored.GetValueOrDefault(Keys(request).Row), now, staleAfter);
            claims.Add(new DeliveryClaim(outcome, request));
            if (outcome == DeliveryClaimOutcome.Claimed)
            {
                var entity = Entity(request, DeliveryState.Sending, holder, now, stored.GetValueOrDefault(Keys(request).Row)?.GetString(LastErrorProperty));
                takeOver.Add(stored.TryGetValue(Keys(request).Row, out var row)
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, row.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, entity));
            }
        }

        if (takeOver.Count == 0)
        {
            return claims;
        }

        var taken = await _table.SubmitBatchAsync(takeOver, cancellationToken).ConfigureAwait(false);
        ThrowIfUnavailable(taken);
        // Lost to another worker claiming the same rows at the same moment: it sends them.
        return taken.Succeeded
            ? claims
            : [.. claims.Select(claim => claim.Outcome == DeliveryClaimOutcome.Claimed ? claim with { Outcome = DeliveryClaimOutcome.InFlight } : claim)];
    }

    /// <summary>
    /// Writes what became of claimed deliveries of one batch, in one transaction: done (sent, or
    /// rightly skipped), failed for now (with the error, for operators), or still being sent
    /// (renewed, so it is not taken for abandoned while the send waits for a rate limit or a 429).
    /// </summary>
    /// <remarks>
    /// Unconditional on purpose: the holder of a claim is the only writer until it is stale, and
    /// recording "done" must not fail because a stale-claim taker touched the row meanwhile.
    /// </remarks>
    public async Task RecordAsync(IReadOnlyCollection<DeliveryMark> marks, string holder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marks);
        OneBatch([.. marks.Select(mark => mark.Request)]);
        if (marks.Count == 0)
        {
            return;
        }

        var written = await _table.SubmitBatchAsync(
            [.. marks.Select(mark => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Entity(mark.Request, mark.State, holder, now, mark.Error)))],
            cancellationToken).ConfigureAwait(false);
        ThrowIfUnavailable(written);
        if (!written.Succeeded)
        {
            throw new InvalidOperationException($"Recording deliveries failed: {written.Conflict}.");
        }
    }

    /// <summary>
    /// The deliveries of one batch that are neither done nor given up, each with the last error
    /// recorded for it (null when none was: the worker may have stopped mid-delivery).
    /// </summary>
    public async Task<IReadOnlyList<(DeliveryRequest Request, string? LastError)>> UnfinishedAsync(IReadOnlyList<DeliveryRequest> requests, CancellationToken cancellationToken)
    {
        var batch = OneBatch(requests);
        var stored = await RowsAsync(batch, cancellationToken).ConfigureAwait(false);
        return
        [
            .. batch
                .Select(request => (Request: request, Row: stored.GetValueOrDefault(Keys(request).Row)))
                .Where(pair => StateOf(pair.Row) is not (DeliveryState.Done or DeliveryState.Abandoned))
                .Select(pair => (pair.Request, pair.Row?.GetString(LastErrorProperty))),
        ];
    }

    // One row per recipient, in one partition: a transaction refuses two actions on one row.
    private static List<DeliveryRequest> OneBatch(IReadOnlyList<DeliveryRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Select(request => request.BatchId).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new ArgumentException("Deliveries are claimed and recorded one batch at a time.", nameof(requests));
        }

        return [.. requests.DistinctBy(request => Keys(request).Row, StringComparer.Ordinal)];
    }

    private async Task<Dictionary<string, TableEntity>> RowsAsync(List<DeliveryRequest> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        var partition = Keys(batch[0]).Partition;
        var rows = string.Join(" or ", batch.Select(request => TableClient.CreateQueryFilter($"RowKey eq {Keys(request).Row}")));
        var filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {partition}")} and ({rows})";
        return await _table.QueryAsync(filter, cancellationToken: cancellationToken)
            .ToDictionaryAsync(entity => entity.RowKey, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
    }

    private static DeliveryClaimOutcome OutcomeOf(TableEntity? stored, DateTimeOffset now, TimeSpan staleAfter)
    {
        if (stored is null)
        {
            return DeliveryClaimOutcome.Claimed;
        }

        var state = StateOf(stored);
        if (state is DeliveryState.Done or DeliveryState.Abandoned)
        {
            return DeliveryClaimOutcome.AlreadyDone;
        }

        var claimedAt = stored.GetDateTimeOffset(ClaimedAtProperty) ?? DateTimeOffset.MinValue;
        return state == DeliveryState.Sending && now - claimedAt < staleAfter ? DeliveryClaimOutcome.InFlight : DeliveryClaimOutcome.Claimed;
    }

    private static DeliveryState? StateOf(TableEntity? row) =>
        row is null ? null : Enum.TryParse<DeliveryState>(row.GetString(StateProperty), out var parsed) ? parsed : DeliveryState.Failed;

    private static void ThrowIfUnavailable(BatchResult result)
    {
        if (result.Error is { } error)
        {
            throw error as StorageUnavailableException ?? new StorageUnavailableException("The delivery ledger could not be written.", error);
        }
    }

    private static (string Partition, string Row) Keys(DeliveryRequest request) =>
        (TableKey.Encode(request.BatchId), request.Recipient is { } member ? TableKey.Encode(member.MemberId) : ChannelRow);

    private static TableEntity Entity(DeliveryRequest request, DeliveryState state, string holder, DateTimeOffset at, string? error)
    {
        var (partition, row) = Keys(request);
        var entity = new TableEntity(partition, row)
        {
            [StateProperty] = state.ToString(),
            [TableRegistration.MemberKeyProperty] = request.Recipient?.MemberId,
        };
        if (state != DeliveryState.Done)
        {
            // Only while the delivery is in hand or failing: a done row is the same for a send and a skip.
            entity[HolderProperty] = holder;
            entity[ClaimedAtProperty] = at;
            entity[LastErrorProperty] = error;
        }

        return entity;
    }
}

/// <summary>What became of one claimed delivery, for <see cref="DeliveryLedger.RecordAsync"/>.</summary>
/// <param name="Request">The delivery.</param>
/// <param name="State">Its state now.</param>
/// <param name="Error">Why it failed, for <see cref="DeliveryState.Failed"/> and <see cref="DeliveryState.Abandoned"/>.</param>
public sealed record DeliveryMark(DeliveryRequest Request, DeliveryState State, string? Error = null);

/// <summary>A delivery's state in the ledger.</summary>
public enum DeliveryState
{
    /// <summary>A worker holds it and is sending it.</summary>
    Sending,

    /// <summary>Sent, or rightly skipped: the two are not told apart.</summary>
    Done,

    /// <summary>The last attempt failed; it is tried again when its message comes back.</summary>
    Failed,

    /// <summary>Given up after its attempts (recorded in <c>DeliveryFailures</c>).</summary>
    Abandoned,
}

/// <summary>The result of <see cref="DeliveryLedger.ClaimAsync"/> for one delivery.</summary>
/// <param name="Outcome">Whether the caller may send.</param>
/// <param name="Request">The delivery.</param>
public sealed record DeliveryClaim(DeliveryClaimOutcome Outcome, DeliveryRequest Request);

/// <summary>What a claim found.</summary>
public enum DeliveryClaimOutcome
{
    /// <summary>The caller holds the delivery and must send it.</summary>
    Claimed,

    /// <summary>It was delivered (or rightly skipped, or given up) before: drop the message.</summary>
    AlreadyDone,

    /// <summary>Another worker is sending it right now: leave the message alone.</summary>
    InFlight,
}
