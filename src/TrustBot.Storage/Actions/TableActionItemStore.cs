using TrustBot.Domain.Actions;
using TrustBot.Storage.Summary;

namespace TrustBot.Storage.Actions;

/// <summary>
/// <see cref="IActionItemStore"/> over the table <c>ActionItems</c>: partition = team, row = the
/// item's id, so a team's list is one partition scan and another team's item is simply not found.
/// See docs/storage.md.
/// </summary>
public sealed class TableActionItemStore : IActionItemStore
{
    internal const string ActionItemsTable = "ActionItems";

    private readonly RecordTable<ActionItem> _items;
    private readonly SummaryStamps _stamps;

    /// <summary>Uses the registered <c>ActionItems</c> table.</summary>
    public TableActionItemStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _items = new RecordTable<ActionItem>(tables.Get(ActionItemsTable), new ActionItemMapper());
        _stamps = new SummaryStamps(tables);
    }

    /// <inheritdoc />
    /// <remarks>
    /// An insert: ids are fresh, so an existing row can only be this very write, retried after its
    /// response was lost, and counts as done.
    /// </remarks>
    public async Task AddAsync(ActionItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!ActionItemIds.IsWellFormed(item.Id))
        {
            throw new ArgumentException($"'{item.Id}' is not an action item id; make one with ActionItemIds.New.", nameof(item));
        }

        await _items.InsertUnlessPresentAsync(item, "an action item", cancellationToken).ConfigureAwait(false);
        await _stamps.ChangeAsync(item.TeamId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActionItem>> GetAllAsync(string teamId, CancellationToken cancellationToken) =>
        await _items.QueryPartitionAsync(TableKey.Encode(teamId), cancellationToken: cancellationToken)
            .Select(stored => stored.Value)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<ActionItem?> GetAsync(string teamId, string itemId, CancellationToken cancellationToken) =>
        (await _items.GetAsync(TableKey.Encode(teamId), TableKey.Encode(itemId), cancellationToken).ConfigureAwait(false))?.Value;

    /// <inheritdoc />
    /// <remarks>
    /// A lost race is not retried: the other writer's change may make this one pointless (a second
    /// "complete") or wrong (a reassignment over a reassignment), so the member sees the item as it
    /// now stands and decides again.
    /// </remarks>
    public async Task<ActionUpdate> UpdateAsync(string teamId, string itemId, ActionChange change, ActionActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (partition, row) = (TableKey.Encode(teamId), TableKey.Encode(itemId));
        var stored = await _items.GetAsync(partition, row, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return new ActionUpdate(ActionUpdateOutcome.NotFound, null, null);
        }

        var outcome = change.Apply(stored.Value, actor);
        if (outcome.Item is not { } changed)
        {
            return new ActionUpdate(ActionUpdateOutcome.Refused, stored.Value, outcome.Problem);
        }

        var written = await _items.ReplaceAsync(stored with { Value = changed }, cancellationToken).ConfigureAwait(false);
        if (written.Succeeded)
        {
            await _stamps.ChangeAsync(teamId, cancellationToken).ConfigureAwait(false);
            return new ActionUpdate(ActionUpdateOutcome.Updated, changed, null);
        }

        var now = await _items.GetAsync(partition, row, cancellationToken).ConfigureAwait(false);
        return new ActionUpdate(now is null ? ActionUpdateOutcome.NotFound : ActionUpdateOutcome.Conflict, now?.Value, null);
    }
}
