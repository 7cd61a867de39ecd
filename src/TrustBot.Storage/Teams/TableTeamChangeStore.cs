using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using TrustBot.Domain.Teams;

using TrustBot.Storage.Summary;

namespace TrustBot.Storage.Teams;

/// <summary>
/// <see cref="ITeamChangeStore"/> over the table <c>TeamChanges</c>: partition = team; one row per
/// change, keyed by when it happened, what it was and a digest of who (so a change reported twice at
/// the same instant is one row), and one row for when a check-in was last suggested. A team has at
/// most <see cref="TeamChangeRules.KeptFor"/> of changes: each record forgets older ones. See docs/storage.md.
/// </summary>
/// <remarks>
/// Rows keep a digest of the person's Teams user id, never the id or a name: enough to count each
/// person once, not to say who it was, so the table holds no member data for "forget me" to find.
/// </remarks>
public sealed class TableTeamChangeStore : ITeamChangeStore
{
    internal const string TableName = "TeamChanges";

    private const string ChangePrefix = "change";
    private const string SuggestedRowKey = "suggested";
    private const string NoPerson = "-";
    private const string AtProperty = "At";

    private readonly StorageTable _table;
    private readonly SummaryStamps _stamps;

    /// <summary>Uses the registered <c>TeamChanges</c> table.</summary>
    public TableTeamChangeStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(TableName);
        _stamps = new SummaryStamps(tables);
    }

    /// <inheritdoc />
    public async Task RecordAsync(string teamId, IReadOnlyList<TeamChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        // Built before anything is written, so a change that cannot be stored fails with nothing changed.
        var partitionKey = TableKey.Encode(teamId);
        var rows = changes.Select(change => ChangeEntity(partitionKey, change)).DistinctBy(row => row.RowKey, StringComparer.Ordinal).ToList();
        foreach (var row in rows)
        {
            var result = await _table.InsertAsync(row, cancellationToken).ConfigureAwait(false);
            if (result.Conflict is { Kind: not StorageConflictKind.AlreadyExists } conflict)
            {
                throw new InvalidOperationException($"Unexpected conflict recording a change of team {teamId}: {conflict}.");
            }
        }

        var oldest = changes.Max(change => change.At) - TeamChangeRules.KeptFor;
        foreach (var old in await ReadChangesAsync(partitionKey, cancellationToken).ConfigureAwait(false))
        {
            if (old.Change.At < oldest)
            {
                await _table.DeleteAsync(partitionKey, old.RowKey, Azure.ETag.All, cancellationToken).ConfigureAwait(false);
            }
        }

        await _stamps.ChangeAsync(teamId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TeamChangeLog> GetAsync(string teamId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var partitionKey = TableKey.Encode(teamId);
        var changes = (await ReadChangesAsync(partitionKey, cancellationToken).ConfigureAwait(false))
            .Select(row => row.Change)
            .Where(change => change.At >= since)
            .ToList();
        var suggested = await _table.GetAsync(partitionKey, SuggestedRowKey, cancellationToken).ConfigureAwait(false);
        return new TeamChangeLog(changes, suggested?.RequiredDateTimeOffset(AtProperty));
    }

    /// <inheritdoc />
    public async Task<bool> TryMarkSuggestedAsync(string teamId, DateTimeOffset? previous, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var partitionKey = TableKey.Encode(teamId);
        var stored = await _table.GetAsync(partitionKey, SuggestedRowKey, cancellationToken).ConfigureAwait(false);
        if (stored?.RequiredDateTimeOffset(AtProperty) != previous)
        {
            return false;
        }

        var row = new TableEntity(partitionKey, SuggestedRowKey) { [AtProperty] = at };
        if (stored is not null)
        {
            row.ETag = stored.ETag;
        }

        var written = stored is null
            ? await _table.InsertAsync(row, cancellationToken).ConfigureAwait(false)
            : await _table.ReplaceAsync(row, cancellationToken).ConfigureAwait(false);
        return written.Succeeded;
    }

    // Row keys sort by time: "change|<UTC ticks, 19 digits>|<kind>|<person digest or ->".
    private static TableEntity ChangeEntity(string partitionKey, TeamChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!Enum.IsDefined(change.Kind) || (change.Kind != TeamChangeKind.LeadChanged && string.IsNullOrEmpty(change.PersonId)))
        {
            throw new ArgumentException($"A {change.Kind} change needs {(Enum.IsDefined(change.Kind) ? "the person who joined or left" : "a known kind")}.", nameof(change));
        }

        var person = change.PersonId is { Length: > 0 } id ? Digest(id) : NoPerson;
        var rowKey = TableKey.Compose(ChangePrefix, change.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture), change.Kind.ToString(), person);
        return new TableEntity(partitionKey, rowKey) { [AtProperty] = change.At };
    }

    private async Task<IReadOnlyList<(string RowKey, TeamChange Change)>> ReadChangesAsync(string partitionKey, CancellationToken cancellationToken) =>
        await _table.QueryPartitionAsync(partitionKey, ChangePrefix + TableKey.Separator, cancellationToken: cancellationToken)
            .Select(entity => (entity.RowKey, FromEntity(entity)))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

    private static TeamChange FromEntity(TableEntity entity)
    {
        var parts = TableKey.Decompose(entity.RowKey);
        if (parts.Count != 4 || !Enum.TryParse<TeamChangeKind>(parts[2], out var kind) || !Enum.IsDefined(kind))
        {
            throw new InvalidDataException($"Row {entity.RowKey} of team changes {entity.PartitionKey} is not a change.");
        }

        return new TeamChange(kind, parts[3] == NoPerson ? null : parts[3], entity.RequiredDateTimeOffset(AtProperty));
    }

    // Enough to tell people apart within one team, not to name anyone.
    private static string Digest(string personId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(personId)), 0, 16);
}
