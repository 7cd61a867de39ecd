using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace TrustBot.Storage;

/// <summary>
/// One table, with every call made through <see cref="StorageResilience"/>: point reads,
/// conditional writes whose conflicts come back as <see cref="WriteResult"/>, paged queries and
/// single-partition batches. Keys given here are stored keys: build them with <see cref="TableKey.Encode"/>.
/// </summary>
public sealed class StorageTable
{
    /// <summary>The most actions one entity group transaction may hold.</summary>
    public const int MaxBatchSize = 100;

    // The most the service returns in one page; asking for it keeps round trips few.
    private const int PageSize = 1000;

    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    private readonly TableClient _client;
    private readonly StorageResilience _resilience;

    /// <summary>Wraps a table client; the table is expected to exist (see <see cref="StorageInitializer"/>).</summary>
    public StorageTable(TableClient client, StorageResilience resilience)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _resilience = resilience ?? throw new ArgumentNullException(nameof(resilience));
    }

    /// <summary>The table's name, prefix included.</summary>
    public string Name => _client.Name;

    /// <summary>Reads one entity (a point read); null when there is none.</summary>
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableKey.EnsureValid(partitionKey, nameof(partitionKey));
        TableKey.EnsureValid(rowKey, nameof(rowKey));
        var response = await _resilience.ExecuteAsync(
            token => _client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Inserts a new entity; an existing key comes back as <see cref="StorageConflictKind.AlreadyExists"/>.</summary>
    public Task<WriteResult> InsertAsync(ITableEntity entity, CancellationToken cancellationToken = default) =>
        WriteAsync(entity, token => _client.AddEntityAsync(entity, token), cancellationToken);

    /// <summary>
    /// Replaces an entity if it is unchanged since it was read, i.e. its stored ETag still equals
    /// <c>entity.ETag</c>; otherwise the conflict (<see cref="StorageConflictKind.Changed"/> or
    /// <see cref="StorageConflictKind.Missing"/>) comes back.
    /// </summary>
    public Task<WriteResult> ReplaceAsync(ITableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.ETag == default)
        {
            throw new ArgumentException("A conditional replace needs the ETag the entity was read with; use UpsertAsync to write unconditionally.", nameof(entity));
        }

        return WriteAsync(entity, token => _client.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, token), cancellationToken);
    }

    /// <summary>Writes an entity whatever is stored (last writer wins); returns its new ETag.</summary>
    public async Task<ETag> UpsertAsync(ITableEntity entity, CancellationToken cancellationToken = default)
    {
        EnsureValidKeys(entity);
        var response = await _resilience.ExecuteAsync(
            token => _client.UpsertEntityAsync(entity, TableUpdateMode.Replace, token), cancellationToken).ConfigureAwait(false);
        return response.Headers.ETag ?? default;
    }

    /// <summary>
    /// Writes the entity's properties over the stored entity, keeping the stored properties it does
    /// not name; an entity that is gone is not created again (the conflict comes back, as <see cref="StorageConflictKind.Missing"/>).
    /// </summary>
    public Task<WriteResult> MergeAsync(ITableEntity entity, CancellationToken cancellationToken = default) =>
        WriteAsync(entity, token => _client.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, token), cancellationToken);

    /// <summary>
    /// Deletes an entity if its ETag still matches (<see cref="ETag.All"/> matches any); a mismatch
    /// comes back as the conflict. An entity that is gone already counts as deleted (the SDK treats
    /// 404 as success), so deleting is idempotent.
    /// </summary>
    public Task<WriteResult> DeleteAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default) =>
        WriteAsync(new TableEntity(partitionKey, rowKey), token => _client.DeleteEntityAsync(partitionKey, rowKey, ifMatch, token), cancellationToken);

    /// <summary>
    /// Every entity of one partition, in row key order, optionally only those whose row key starts
    /// with <paramref name="rowKeyPrefix"/> (a single-partition range scan). Pages are fetched as read.
    /// </summary>
    public IAsyncEnumerable<TableEntity> QueryPartitionAsync(
        string partitionKey, string? rowKeyPrefix = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        TableKey.EnsureValid(partitionKey, nameof(partitionKey));
        if (string.IsNullOrEmpty(rowKeyPrefix))
        {
            return QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), pageSize: pageSize, cancellationToken: cancellationToken);
        }

        TableKey.EnsureValid(rowKeyPrefix, nameof(rowKeyPrefix));
        return QueryAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {rowKeyPrefix} and RowKey lt {FirstKeyAfterPrefix(rowKeyPrefix)}"),
            pageSize: pageSize,
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Every entity matching an OData filter (build it with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>),
    /// following continuation tokens past the 1,000-entity page limit; each page is one resilient call.
    /// <paramref name="select"/> limits the properties returned; <paramref name="pageSize"/> (at most
    /// 1,000) lets a caller that wants only the first few entities read no more than it needs.
    /// </summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string filter, IEnumerable<string>? select = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(pageSize ?? PageSize, 1, PageSize);
        string? continuation = null;
        do
        {
            var (entities, next) = await _resilience.ExecuteAsync(
                token => ReadPageAsync(filter, select, continuation, size, token), cancellationToken).ConfigureAwait(false);
            foreach (var entity in entities)
            {
                yield return entity;
            }

            continuation = next;
        }
        while (!string.IsNullOrEmpty(continuation));
    }

    /// <summary>
    /// Deletes every entity matching an OData filter, one batch per partition (keys only are read);
    /// returns how many went. Idempotent: when it stops part-way it throws, and running it again
    /// finishes the job.
    /// </summary>
    public async Task<int> DeleteMatchingAsync(string filter, CancellationToken cancellationToken = default)
    {
        var keys = await QueryAsync(filter, KeysOnly, cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        foreach (var partition in keys.GroupBy(entity => entity.PartitionKey, StringComparer.Ordinal))
        {
            var actions = partition.Select(entity => new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All)).ToList();
            var result = await SubmitBatchAsync(actions, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Deleting from table {Name} stopped after {deleted + (result.CommittedChunks * MaxBatchSize)} entities " +
                    $"({(object?)result.Conflict ?? result.Error?.Message}). Deletion is idempotent: run it again.",
                    result.Error);
            }

            deleted += actions.Count;
        }

        return deleted;
    }

    /// <summary>
    /// Writes actions that all belong to one partition, in chunks of <see cref="MaxBatchSize"/>.
    /// Each chunk is atomic; a failing chunk stops the sequence and the result says how many
    /// chunks were committed before it. Actions of several partitions are refused.
    /// </summary>
    public async Task<BatchResult> SubmitBatchAsync(IReadOnlyCollection<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var partitions = actions.Select(action => action.Entity.PartitionKey).Distinct(StringComparer.Ordinal).Count();
        if (partitions > 1)
        {
            throw new ArgumentException($"A batch is atomic within one partition only; these actions span {partitions} partitions.", nameof(actions));
        }

        foreach (var action in actions)
        {
            EnsureValidKeys(action.Entity);
        }

        var chunks = actions.Chunk(MaxBatchSize).ToList();
        for (var committed = 0; committed < chunks.Count; committed++)
        {
            var chunk = chunks[committed];
            try
            {
                await _resilience.ExecuteAsync(token => _client.SubmitTransactionAsync(chunk, token), cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is { } index
                && StorageConflict.From(ex, chunk[index].Entity.PartitionKey, chunk[index].Entity.RowKey) is { } conflict)
            {
                return new BatchResult(committed, chunks.Count, Conflict: conflict);
            }
            catch (Exception ex) when (ex is RequestFailedException or StorageUnavailableException)
            {
                return new BatchResult(committed, chunks.Count, Error: ex);
            }
        }

        return new BatchResult(chunks.Count, chunks.Count);
    }

    /// <summary>Creates the table unless it exists.</summary>
    internal Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync(token => _client.CreateIfNotExistsAsync(token), cancellationToken);

    private static void EnsureValidKeys(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKey.EnsureValid(entity.PartitionKey, nameof(entity) + ".PartitionKey");
        TableKey.EnsureValid(entity.RowKey, nameof(entity) + ".RowKey");
    }

    // The smallest string greater than every string that starts with the prefix.
    private static string FirstKeyAfterPrefix(string prefix)
    {
        var end = prefix.TrimEnd(char.MaxValue);
        return end.Length == 0 ? prefix + char.MaxValue : end[..^1] + (char)(end[^1] + 1);
    }

    private async Task<WriteResult> WriteAsync(ITableEntity entity, Func<CancellationToken, Task<Response>> write, CancellationToken cancellationToken)
    {
        EnsureValidKeys(entity);
        try
        {
            var response = await _resilience.ExecuteAsync(write, cancellationToken).ConfigureAwait(false);
            return WriteResult.Written(response.Headers.ETag ?? default);
        }
        catch (RequestFailedException ex) when (StorageConflict.From(ex, entity.PartitionKey, entity.RowKey) is { } conflict)
        {
            return WriteResult.Lost(conflict);
        }
    }

    private async Task<(IReadOnlyList<TableEntity> Entities, string? Continuation)> ReadPageAsync(
        string filter, IEnumerable<string>? select, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var pages = _client.QueryAsync<TableEntity>(filter, pageSize, select, cancellationToken).AsPages(continuation, pageSize);
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            return (page.Values, page.ContinuationToken);
        }

        return ([], null);
    }
}
