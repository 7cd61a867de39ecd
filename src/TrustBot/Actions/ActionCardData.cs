using Newtonsoft.Json.Linq;
using TrustBot.Cards;
using TrustBot.Domain.Actions;

namespace TrustBot.Actions;

/// <summary>
/// What the action cards send back. Nothing here is trusted: the server checks that the sender is
/// on the team named, and that the item is that team's, on every click. What cannot even be read
/// as the card wrote it comes back null.
/// </summary>
public static class ActionCardData
{
    /// <summary>Input id of the title.</summary>
    public const string TitleInput = "title";

    /// <summary>Input id of the owner choice (on the list card, followed by the item id).</summary>
    public const string OwnerInput = "owner";

    /// <summary>Input id of the due date (on the list card, followed by the item id).</summary>
    public const string DueInput = "dueOn";

    /// <summary>Input id of the factor choice.</summary>
    public const string FactorInput = "factor";

    /// <summary>The data of the add card's button.</summary>
    public static object ForAdd(string teamId) => new { teamId };

    /// <summary>The data of an item's buttons.</summary>
    public static object ForItem(string teamId, string itemId) => new { teamId, itemId };

    /// <summary>
    /// The id of an item's own input on the list card: each item has its own reassign and reschedule
    /// form, and a click sends the inputs of the whole card.
    /// </summary>
    public static string ItemInput(string input, string itemId) => $"{input}.{itemId}";

    /// <summary>The team and the form an add card sends, or null when the data is malformed.</summary>
    public static AddActionData? ReadAdd(object? data) =>
        data is JObject json
        && CardSubmit.TeamIdOf(json) is { } teamId
        && CardSubmit.TryReadText(json, TitleInput, out var title)
        && CardSubmit.TryReadText(json, OwnerInput, out var owner)
        && CardSubmit.TryReadText(json, DueInput, out var dueOn)
        && CardSubmit.TryReadText(json, FactorInput, out var factor)
            ? new AddActionData(teamId, new ActionForm(title, owner, dueOn, factor))
            : null;

    /// <summary>The team, the item and that item's inputs a list button sends, or null when the data is malformed.</summary>
    public static ItemClickData? ReadItem(object? data) =>
        data is JObject json
        && CardSubmit.TeamIdOf(json) is { } teamId
        && CardSubmit.TryReadText(json, "itemId", out var itemId)
        && ActionItemIds.IsWellFormed(itemId)
        && CardSubmit.TryReadText(json, ItemInput(OwnerInput, itemId), out var owner)
        && CardSubmit.TryReadText(json, ItemInput(DueInput, itemId), out var dueOn)
            ? new ItemClickData(teamId, itemId, owner, dueOn)
            : null;
}

/// <summary>An add card's submit: the team it names and what the member filled in.</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="Form">The inputs.</param>
public sealed record AddActionData(string TeamId, ActionForm Form);

/// <summary>A click on an item of the list card.</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="ItemId">A well-formed item id.</param>
/// <param name="Owner">The owner picked in the item's reassign form, if any.</param>
/// <param name="DueOn">The date picked in the item's reschedule form, if any.</param>
public sealed record ItemClickData(string TeamId, string ItemId, string? Owner, string? DueOn);
