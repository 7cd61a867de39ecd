using Azure;
using Azure.Data.Tables;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Storage.Delivery;

/// <summary>
/// What became of each delivery, under (batch, recipient): claimed by a worker that is sending
/// it, done, or failed for now. A worker claims before it sends and records done after, so a queue
/// message seen again (a crash, a second instance, a visibility timeout that ran out) is not sent
/// twice. Table <c>Deliveries</c>: partition = batch, row = the recipient.
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
    /// Claims the delivery for <paramref name="holder"/>. It is claimable when nobody has it, when
    /// an earlier attempt failed, or when a claim is older than <paramref name="staleAfter"/> (its
    /// worker died mid-send: sending again risks a duplicate, but not sending would lose it).
    /// </summary>
    public async Task<DeliveryClaim> ClaimAsync(DeliveryRequest request, string holder, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (partition, row) = Keys(request);
        var inserted = await _table.InsertAsync(Entity(request, DeliveryState.Sending, holder, now, null, default), cancellationToken).ConfigureAwait(false);
        if (inserted.Succeeded)
        {
            return new DeliveryClaim(DeliveryClaimOutcome.Claimed, request, inserted.ETag);
        }

        var stored = await _table.GetAsync(partition, row, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            // Gone between the two calls (the team was deleted): nothing is owed any more.
            return new DeliveryClaim(DeliveryClaimOutcome.AlreadyDone, request, default);
        }

        var state = Enum.TryParse<DeliveryState>(stored.GetString(StateProperty), out var parsed) ? parsed : DeliveryState.Failed;
        var claimedAt = stored.GetDateTimeOffset(ClaimedAtProperty) ?? DateTimeOffset.MinValue;
        if (state is DeliveryState.Done or DeliveryState.Abandoned)
        {
            return new DeliveryClaim(DeliveryClaimOutcome.AlreadyDone, request, stored.ETag);
        }

        if (state == DeliveryState.Sending && now - claimedAt < staleAfter)
        {
            return new DeliveryClaim(DeliveryClaimOutcome.InFlight, request, stored.ETag);
        }

        var taken = await _table.ReplaceAsync(
            Entity(request, DeliveryState.Sending, holder, now, stored.GetString(LastErrorProperty), stored.ETag), cancellationToken).ConfigureAwait(false);
        return taken.Succeeded
            ? new DeliveryClaim(DeliveryClaimOutcome.Claimed, request, taken.ETag)
            : new DeliveryClaim(DeliveryClaimOutcome.InFlight, request, default);
    }

    /// <summary>Renews a claim still being worked on, so it is not taken for abandoned while the send waits (a rate limit, a 429).</summary>
    public Task RenewAsync(DeliveryClaim claim, string holder, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetStateAsync(claim, DeliveryState.Sending, holder, now, null, cancellationToken);

    /// <summary>Records the claimed delivery as done (sent, or rightly skipped).</summary>
    public Task CompleteAsync(DeliveryClaim claim, string holder, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetStateAsync(claim, DeliveryState.Done, holder, now, null, cancellationToken);

    /// <summary>Gives the claim back after a failure that may pass, keeping the error for operators.</summary>
    public Task FailAsync(DeliveryClaim claim, string holder, DateTimeOffset now, string error, CancellationToken cancellationToken) =>
        SetStateAsync(claim, DeliveryState.Failed, holder, now, error, cancellationToken);

    /// <summary>Records that the delivery was given up (it went to the failures table).</summary>
    public async Task AbandonAsync(DeliveryRequest request, string holder, DateTimeOffset now, string error, CancellationToken cancellationToken) =>
        await _table.UpsertAsync(Entity(request, DeliveryState.Abandoned, holder, now, error, ETag.All), cancellationToken).ConfigureAwait(false);

    /// <summary>The last error recorded for a delivery, if any.</summary>
    public async Task<string?> LastErrorAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (partition, row) = Keys(request);
        return (await _table.GetAsync(partition, row, cancellationToken).ConfigureAwait(false))?.GetString(LastErrorProperty);
    }

    // Unconditional on purpose: the holder of the claim is the only writer until it is stale, and
    // recording "done" must not fail because a stale-claim taker touched the row meanwhile.
    private async Task SetStateAsync(DeliveryClaim claim, DeliveryState state, string holder, DateTimeOffset now, string? error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await _table.UpsertAsync(Entity(claim.Request, state, holder, now, error, ETag.All), cancellationToken).ConfigureAwait(false);
    }

    private static (string Partition, string Row) Keys(DeliveryRequest request) =>
        (TableKey.Encode(request.BatchId), request.Recipient is { } member ? TableKey.Encode(member.MemberId) : ChannelRow);

    private static TableEntity Entity(DeliveryRequest request, DeliveryState state, string holder, DateTimeOffset at, string? error, ETag eTag)
    {
        var (partition, row) = Keys(request);
        var entity = new TableEntity(partition, row)
        {
            [StateProperty] = state.ToString(),
            [TableRegistration.MemberKeyProperty] = request.Recipient?.MemberId,
            ETag = eTag,
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

    private enum DeliveryState
    {
        Sending,
        Done,
        Failed,
        Abandoned,
    }
}

/// <summary>The result of <see cref="DeliveryLedger.ClaimAsync"/>.</summary>
/// <param name="Outcome">Whether the caller may send.</param>
/// <param name="Request">The delivery.</param>
/// <param name="ETag">The ledger row's ETag after the claim.</param>
public sealed record DeliveryClaim(DeliveryClaimOutcome Outcome, DeliveryRequest Request, ETag ETag);

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
