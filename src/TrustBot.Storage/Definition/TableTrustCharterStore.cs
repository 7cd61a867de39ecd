using TrustBot.Domain.Definition;

using TrustBot.Storage.Summary;

namespace TrustBot.Storage.Definition;

/// <summary>
/// <see cref="ITrustCharterStore"/> over the table <c>TrustCharters</c>: partition = team, newest version
/// first, so the current charter is the first row of one partition. See docs/storage.md.
/// </summary>
public sealed class TableTrustCharterStore : ITrustCharterStore
{
    internal const string TableName = "TrustCharters";

    private readonly RecordTable<TrustCharter> _charters;
    private readonly SummaryStamps _stamps;

    /// <summary>Uses the registered <c>TrustCharters</c> table.</summary>
    public TableTrustCharterStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _charters = new RecordTable<TrustCharter>(tables.Get(TableName), new TrustCharterMapper());
        _stamps = new SummaryStamps(tables);
    }

    /// <inheritdoc />
    /// <remarks>
    /// An insert keyed by the version, so of two leads saving the same version only one wins. An
    /// <c>AlreadyExists</c> that holds exactly this charter is our own insert retried after a lost response.
    /// </remarks>
    public async Task<bool> TryAddAsync(TrustCharter charter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charter);
        ArgumentOutOfRangeException.ThrowIfLessThan(charter.Version, 1);
        var inserted = await _charters.InsertAsync(charter, cancellationToken).ConfigureAwait(false);
        if (inserted.Succeeded)
        {
            await _stamps.ChangeAsync(charter.TeamId, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var stored = await _charters.GetAsync(TableKey.Encode(charter.TeamId), TrustCharterMapper.RowKeyOf(charter.Version), cancellationToken).ConfigureAwait(false);
        return stored is not null && stored.Value.FinalizedAt == charter.FinalizedAt && stored.Value.Statements.SequenceEqual(charter.Statements, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<TrustCharter?> GetCurrentAsync(string teamId, CancellationToken cancellationToken) =>
        await _charters.QueryPartitionAsync(TableKey.Encode(teamId), pageSize: 1, cancellationToken: cancellationToken)
            .Select(stored => stored.Value)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrustCharter>> GetAllAsync(string teamId, CancellationToken cancellationToken) =>
        await _charters.QueryPartitionAsync(TableKey.Encode(teamId), cancellationToken: cancellationToken)
            .Select(stored => stored.Value)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
}
