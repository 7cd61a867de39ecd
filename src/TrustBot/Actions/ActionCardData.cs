using System.Text.Json.Nodes;
using TrustBot.Cards;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Recovery.Incidents;

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

    /// <summary>Name of the incident id in the data of the add card's button and of "add an action for this incident" buttons.</summary>
    public const string IncidentIdData = "incidentId";

    /// <summary>The data of the add card's button; the incident's id when the item comes from its retrospective.</summary>
    public static object ForAdd(string teamId, string? incidentId = null) => incidentId is null ? new { teamId } : ForIncident(teamId, incidentId);

    /// <summary>The data of an "add an action for this incident" button (<see cref="AddActionCard.NewForIncidentVerb"/>).</summary>
    public static object ForIncident(string teamId, string incidentId) => new { teamId, incidentId };

    /// <summary>Name of the data that says which card an item's button is on, when it is not the list.</summary>
    public const string ViewData = "view";

    /// <summary>The <see cref="ViewData"/> of the buttons on a reminder: the reminder is updated in place instead of becoming the list.</summary>
    public const string ReminderView = "reminder";

    /// <summary>Name of the factor id in the data of "make it an action" buttons (<see cref="AddActionCard.NewForFactorVerb"/>).</summary>
    public const string FactorIdData = "factorId";

    /// <summary>The data of a "make it an action" button: the add card opens filled in for the factor.</summary>
    public static object ForFactor(string teamId, string factorId) => new Dictionary<string, string> { ["teamId"] = teamId, [FactorIdData] = factorId };

    /// <summary>The team and the factor a "make it an action" button sends, or null when the data is malformed or names no factor.</summary>
    public static FactorClickData? ReadFactor(JsonObject? data) =>
        data is { } json
        && CardSubmit.TeamIdOf(json) is { } teamId
        && CardSubmit.TryReadText(json, FactorIdData, out var factorId)
        && TrustFactors.Find(factorId ?? string.Empty) is { } factor
            ? new FactorClickData(teamId, factor.Id)
            : null;

    /// <summary>The data of an item's buttons on the list card.</summary>
    public static object ForItem(string teamId, string itemId) => new { teamId, itemId };

    /// <summary>The data of an item's buttons on a reminder card.</summary>
    public static object ForReminder(string teamId, string itemId) => new Dictionary<string, string> { ["teamId"] = teamId, ["itemId"] = itemId, [ViewData] = ReminderView };

    /// <summary>
    /// The id of an item's own input on the list card: each item has its own reassign and reschedule
    /// form, and a click sends the inputs of the whole card.
    /// </summary>
    public static string ItemInput(string input, string itemId) => $"{input}.{itemId}";

    /// <summary>
    /// The team, the form and (when the card was opened from an incident) the incident an add card
    /// sends, or null when the data is malformed, an incident id that is not shaped like one included.
    /// </summary>
    public static AddActionData? ReadAdd(JsonObject? data) =>
        data is { } json
        && CardSubmit.TeamIdOf(json) is { } teamId
        && CardSubmit.TryReadText(json, TitleInput, out var title)
        && CardSubmit.TryReadText(json, OwnerInput, out var owner)
        && CardSubmit.TryReadText(json, DueInput, out var dueOn)
        && CardSubmit.TryReadText(json, FactorInput, out var factor)
        && CardSubmit.TryReadText(json, IncidentIdData, out var incidentId)
        && (incidentId is null || IncidentIds.IsWellFormed(incidentId))
            ? new AddActionData(teamId, new ActionForm(title, owner, dueOn, factor), incidentId)
            : null;

    /// <summary>The team and the incident an "add an action for this incident" button sends, or null when the data is malformed.</summary>
    public static IncidentClickData? ReadIncident(JsonObject? data) =>
        data is { } json
        && CardSubmit.TeamIdOf(json) is { } teamId
        && CardSubmit.TryReadText(json, IncidentIdData, out var incidentId)
        && IncidentIds.IsWellFormed(incidentId)
            ? new IncidentClickData(teamId, incidentId!)
            : null;

    /// <summary>The team, the item and that item's inputs a list button sends, or null when the data is malformed.</summary>
    public static ItemClickData? ReadItem(JsonObject? data) =>
        data is { } json
        && CardSubmit.TeamIdOf(json) is { } teamId
        && CardSubmit.TryReadText(json, "itemId", out var itemId)
        && ActionItemIds.IsWellFormed(itemId)
        && CardSubmit.TryReadText(json, ItemInput(OwnerInput, itemId), out var owner)
        && CardSubmit.TryReadText(json, ItemInput(DueInput, itemId), out var dueOn)
        && CardSubmit.TryReadText(json, ViewData, out var view)
        && view is null or ReminderView
            ? new ItemClickData(teamId, itemId, owner, dueOn) { FromReminder = view == ReminderView }
            : null;
}

/// <summary>An add card's submit: the team it names and what the member filled in.</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="Form">The inputs.</param>
/// <param name="IncidentId">A well-formed id of the incident the card says the item comes from; null for an item added on its own.</param>
public sealed record AddActionData(string TeamId, ActionForm Form, string? IncidentId = null);

/// <summary>A click on "add an action for this incident".</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="IncidentId">A well-formed incident id.</param>
public sealed record IncidentClickData(string TeamId, string IncidentId);

/// <summary>A click on "make it an action" next to a factor of the summary.</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="FactorId">A factor TrustBot measures.</param>
public sealed record FactorClickData(string TeamId, string FactorId);

/// <summary>A click on an item of the list card.</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="ItemId">A well-formed item id.</param>
/// <param name="Owner">The owner picked in the item's reassign form, if any.</param>
/// <param name="DueOn">The date picked in the item's reschedule form, if any.</param>
public sealed record ItemClickData(string TeamId, string ItemId, string? Owner, string? DueOn)
{
    /// <summary>Whether the click came from a reminder card (which is updated in place), not the list.</summary>
    public bool FromReminder { get; init; }
}
