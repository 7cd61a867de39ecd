namespace TrustBot.Domain.Actions;

/// <summary>A team's action items, open and completed.</summary>
public interface IActionItemStore
{
    /// <summary>Stores a new item (already checked with <see cref="ActionRules"/>).</summary>
    Task AddAsync(ActionItem item, CancellationToken cancellationToken);

    /// <summary>Every item of the team, completed ones included, in the order they were added (one partition scan).</summary>
    Task<IReadOnlyList<ActionItem>> GetAllAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>One item of the team (a point read), or null when the team has no such item.</summary>
    Task<ActionItem?> GetAsync(string teamId, string itemId, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the item, applies the change and writes the result only if the item is unchanged
    /// since it was read. Nothing is written when the item is missing, the change is refused, or
    /// another writer got there first.
    /// </summary>
    Task<ActionUpdate> UpdateAsync(string teamId, string itemId, ActionChange change, ActionActor actor, CancellationToken cancellationToken);
}

/// <summary>What an update did.</summary>
/// <param name="Outcome">Whether it was written, and if not why.</param>
/// <param name="Item">The item as it stands now (null when there is none).</param>
/// <param name="Problem">Why it was refused, when it was.</param>
public sealed record ActionUpdate(ActionUpdateOutcome Outcome, ActionItem? Item, string? Problem);

/// <summary>The outcomes of <see cref="IActionItemStore.UpdateAsync"/>.</summary>
public enum ActionUpdateOutcome
{
    /// <summary>The change is stored.</summary>
    Updated,

    /// <summary>The change was refused by the rules; nothing was written.</summary>
    Refused,

    /// <summary>The team has no such item; nothing was written.</summary>
    NotFound,

    /// <summary>Someone changed the item at the same time; nothing was written, and the item is as re-read.</summary>
    Conflict,
}
