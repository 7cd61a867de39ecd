using Azure;
using Azure.Data.Tables;

namespace TrustBot.Storage;

/// <summary>
/// A named lease in table storage, so that exactly one instance at a time runs a singleton job.
/// The lease is one entity (holder id and expiry); every change to it is a conditional write on
/// the ETag last seen, so of two contenders exactly one wins, and a holder that stopped renewing
/// cannot renew once another instance has taken the expired lease over.
/// </summary>
/// <remarks>
/// Expiry is judged on the <see cref="TimeProvider"/> of the instance that reads it, so the
/// instances' clocks must agree to well within the lease duration; renew at a third of it. One
/// instance of this class belongs to one job loop: it is not thread-safe.
/// </remarks>
public sealed class StorageLease
{
    /// <summary>The table leases live in (registered by <c>AddTrustBotStorage</c>).</summary>
    public const string TableName = "Leases";

    private const string Partition = "lease";
    private const string HolderProperty = "Holder";
    private const string ExpiresProperty = "ExpiresAt";

    private readonly StorageTable _table;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _timeProvider;
    private readonly string _rowKey;
    private ETag? _heldETag;

    /// <summary>A lease called <paramref name="name"/> as seen by the contender <paramref name="holderId"/>.</summary>
    public StorageLease(StorageTable table, string name, string holderId, TimeSpan duration, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(holderId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _rowKey = TableKey.Encode(name);
        HolderId = holderId;
        _duration = duration;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>Who this contender is, e.g. the instance id.</summary>
    public string HolderId { get; }

    /// <summary>
    /// Takes the lease if it is free, expired or already ours; false when another holder has it or
    /// another contender won the race.
    /// </summary>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken = default)
    {
        var current = await _table.GetAsync(Partition, _rowKey, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return Took(await _table.InsertAsync(Entity(default), cancellationToken).ConfigureAwait(false));
        }

        var heldByOther = current.GetString(HolderProperty) != HolderId
            && current.GetDateTimeOffset(ExpiresProperty) > _timeProvider.GetUtcNow();
        return !heldByOther && Took(await _table.ReplaceAsync(Entity(current.ETag), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Extends the lease this contender holds; false when it has lost it (someone took it over
    /// after it expired, or it was never held). The job must stop when this returns false.
    /// </summary>
    public async Task<bool> RenewAsync(CancellationToken cancellationToken = default) =>
        _heldETag is { } eTag && Took(await _table.ReplaceAsync(Entity(eTag), cancellationToken).ConfigureAwait(false));

    /// <summary>Gives the lease up so another contender can take it at once; does nothing when it is not held.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (_heldETag is { } eTag)
        {
            // A conflict means someone else holds it now: there is nothing of ours to release.
            await _table.DeleteAsync(Partition, _rowKey, eTag, cancellationToken).ConfigureAwait(false);
            _heldETag = null;
        }
    }

    private TableEntity Entity(ETag eTag) => new(Partition, _rowKey)
    {
        [HolderProperty] = HolderId,
        [ExpiresProperty] = _timeProvider.GetUtcNow() + _duration,
        ETag = eTag,
    };

    private bool Took(WriteResult result)
    {
        _heldETag = result.Succeeded ? result.ETag : null;
        return result.Succeeded;
    }
}
