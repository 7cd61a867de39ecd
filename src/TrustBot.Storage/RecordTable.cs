using System.Runtime.CompilerServices;

namespace TrustBot.Storage;

/// <summary>
/// A <see cref="StorageTable"/> seen through an <see cref="IEntityMapper{T}"/>: domain records in
/// and out, ETags kept in <see cref="Stored{T}"/> for optimistic concurrency.
/// </summary>
/// <typeparam name="T">The domain record.</typeparam>
public sealed class RecordTable<T>
{
    private readonly StorageTable _table;
    private readonly IEntityMapper<T> _mapper;

    /// <summary>Combines a table and a mapper.</summary>
    public RecordTable(StorageTable table, IEntityMapper<T> mapper)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _mapper = mapper ?? throw new ArgumentNullException(nameof(mapper));
    }

    /// <summary>Reads one record by its stored keys; null when there is none.</summary>
    public async Task<Stored<T>?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetAsync(partitionKey, rowKey, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : new Stored<T>(_mapper.FromEntity(entity), entity.ETag);
    }

    /// <summary>Inserts a new record; an existing key is a conflict.</summary>
    public Task<WriteResult> InsertAsync(T record, CancellationToken cancellationToken = default) =>
        _table.InsertAsync(_mapper.ToEntity(record), cancellationToken);

    /// <summary>
    /// Inserts a record unless its key is taken, in which case the stored one stays: for fresh ids
    /// (where the taken key can only be this very write, retried after its response was lost) and
    /// for defaults that must never overwrite what is stored. Any other conflict throws.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="what">What it is, for the error message, e.g. "an action item".</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task InsertUnlessPresentAsync(T record, string what, CancellationToken cancellationToken = default)
    {
        var result = await InsertAsync(record, cancellationToken).ConfigureAwait(false);
        if (result.Conflict is { Kind: not StorageConflictKind.AlreadyExists } conflict)
        {
            throw new InvalidOperationException($"Unexpected conflict inserting {what}: {conflict}.");
        }
    }

    /// <summary>Replaces a record if it is unchanged since it was read (its ETag still matches); otherwise the conflict comes back.</summary>
    public Task<WriteResult> ReplaceAsync(Stored<T> stored, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var entity = _mapper.ToEntity(stored.Value);
        entity.ETag = stored.ETag;
        return _table.ReplaceAsync(entity, cancellationToken);
    }

    /// <summary>Deletes a record if it is unchanged since it was read.</summary>
    public Task<WriteResult> DeleteAsync(Stored<T> stored, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var entity = _mapper.ToEntity(stored.Value);
        return _table.DeleteAsync(entity.PartitionKey, entity.RowKey, stored.ETag, cancellationToken);
    }

    /// <summary>
    /// The records of one partition in row key order, optionally under a row key prefix;
    /// <paramref name="pageSize"/> bounds each read for callers that take only the first few.
    /// </summary>
    public async IAsyncEnumerable<Stored<T>> QueryPartitionAsync(
        string partitionKey, string? rowKeyPrefix = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryPartitionAsync(partitionKey, rowKeyPrefix, pageSize, cancellationToken).ConfigureAwait(false))
        {
            yield return new Stored<T>(_mapper.FromEntity(entity), entity.ETag);
        }
    }
}
