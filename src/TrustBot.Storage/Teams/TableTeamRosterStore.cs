using System.Runtime.ExceptionServices;
using Azure;
using Azure.Data.Tables;
using TrustBot.Domain.Teams;

using TrustBot.Storage.Summary;

namespace TrustBot.Storage.Teams;

/// <summary>
/// <see cref="ITeamRosterStore"/> over the table <c>Rosters</c>: partition = team, row = member, so a
/// team's roster is one partition scan and goes with the team's data when the bot is removed. Writes
/// go in single-partition batches of 100, so syncing a 5,000-member team takes about 50 round trips.
/// See docs/storage.md.
/// </summary>
public sealed class TableTeamRosterStore : ITeamRosterStore
{
    internal const string TableName = "Rosters";

    private static readonly string[] RowKeyOnly = ["RowKey"];
    private readonly StorageTable _table;
    private readonly SummaryStamps _stamps;

    /// <summary>Uses the registered <c>Rosters</c> table.</summary>
    public TableTeamRosterStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(TableName);
        _stamps = new SummaryStamps(tables);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Reads the stored member ids (keys only), then merges every given member and deletes the
    /// others in the same batches. A member added meanwhile by <see cref="AddAsync"/> was not read,
    /// so it stays; one removed meanwhile is simply gone.
    /// </remarks>
    public async Task ReplaceAsync(string teamId, IReadOnlyList<RosterMember> members, CancellationToken cancellationToken)
    {
        // Built before anything is read or written, so an id that cannot be a key fails with nothing changed.
        var merges = MemberMerges(teamId, members);
        var kept = merges.Select(merge => merge.Entity.RowKey).ToHashSet(StringComparer.Ordinal);
        var partitionKey = TableKey.Encode(teamId);
        var stored = await _table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), RowKeyOnly, cancellationToken: cancellationToken)
            .Select(entity => entity.RowKey)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var deletes = stored
            .Where(rowKey => !kept.Contains(rowKey))
            .Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ETag.All));
        await SubmitSkippingMissingAsync([.. merges, .. deletes], $"the roster of team {teamId}", cancellationToken).ConfigureAwait(false);
        await _stamps.ChangeAsync(teamId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AddAsync(string teamId, IReadOnlyList<RosterMember> members, CancellationToken cancellationToken)
    {
        await SubmitSkippingMissingAsync(MemberMerges(teamId, members), $"members added to team {teamId}", cancellationToken).ConfigureAwait(false);
        await _stamps.ChangeAsync(teamId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string teamId, IReadOnlyList<string> memberIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        var partitionKey = TableKey.Encode(teamId);
        var deletes = memberIds
            .Select(TableKey.Encode)
            .Distinct(StringComparer.Ordinal)
            .Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ETag.All))
            .ToList();
        await SubmitSkippingMissingAsync(deletes, $"members removed from team {teamId}", cancellationToken).ConfigureAwait(false);
        await _stamps.ChangeAsync(teamId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RosterEntry>> GetAsync(string teamId, CancellationToken cancellationToken) =>
        await _table.QueryPartitionAsync(TableKey.Encode(teamId), cancellationToken: cancellationToken)
            .Select(RosterEntryMapper.FromEntity)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>A member who is not on the stored roster gets no row: deliveries go only to the roster anyway.</remarks>
    public Task MarkUnreachableAsync(string teamId, string memberId, DateTimeOffset since, CancellationToken cancellationToken) =>
        UpdateIfStoredAsync(RosterEntryMapper.UnreachableEntity(teamId, memberId, since), $"marking member {memberId} of team {teamId} unreachable", cancellationToken);

    /// <inheritdoc />
    public Task ClearUnreachableAsync(string teamId, string memberId, CancellationToken cancellationToken) =>
        UpdateIfStoredAsync(RosterEntryMapper.ReachableEntity(teamId, memberId), $"marking member {memberId} of team {teamId} reachable", cancellationToken);

    // Upserts that merge: the member's fields are written, an unreachable mark beside them stays.
    private static List<TableTransactionAction> MemberMerges(string teamId, IReadOnlyList<RosterMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        // One transaction may not touch a row twice, so a member listed twice is written once.
        return members
            .DistinctBy(member => member.MemberId, StringComparer.Ordinal)
            .Select(member => new TableTransactionAction(TableTransactionActionType.UpsertMerge, RosterEntryMapper.MemberEntity(teamId, member)))
            .ToList();
    }

    // An update (not an upsert), so a member who is not stored is not created half-written.
    private Task UpdateIfStoredAsync(TableEntity entity, string what, CancellationToken cancellationToken) =>
        SubmitSkippingMissingAsync([new TableTransactionAction(TableTransactionActionType.UpdateMerge, entity, ETag.All)], what, cancellationToken);

    /// <summary>
    /// Submits the actions in batches. A delete or update of a row that is not there (never stored,
    /// or removed meanwhile) fails its whole chunk; that row needs nothing done, so the chunk and
    /// those after it are submitted again without it. Every round drops one action, so it ends.
    /// </summary>
    private async Task SubmitSkippingMissingAsync(List<TableTransactionAction> actions, string what, CancellationToken cancellationToken)
    {
        var pending = actions;
        while (pending.Count > 0)
        {
            var result = await _table.SubmitBatchAsync(pending, cancellationToken).ConfigureAwait(false);
            if (result.Error is { } error)
            {
                ExceptionDispatchInfo.Throw(error);
            }

            if (result.Conflict is not { } conflict)
            {
                return;
            }

            var unwritten = pending.Skip(result.CommittedChunks * StorageTable.MaxBatchSize).ToList();
            var remaining = unwritten.Where(action => action.Entity.RowKey != conflict.RowKey).ToList();
            if (conflict.Kind != StorageConflictKind.Missing || remaining.Count == unwritten.Count)
            {
                throw new InvalidOperationException($"Storage refused {what}: {conflict}.");
            }

            pending = remaining;
        }
    }
}
