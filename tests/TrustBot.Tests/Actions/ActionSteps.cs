using Newtonsoft.Json.Linq;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Actions;

/// <summary>What a member does with the action cards, as clicks a Teams client would send.</summary>
public sealed class ActionSteps(PulseTestbed bed)
{
    public const string AddVerb = "action.add";
    public const string CompleteVerb = "action.complete";
    public const string ReopenVerb = "action.reopen";
    public const string ReassignVerb = "action.reassign";
    public const string RescheduleVerb = "action.reschedule";
    public const string NewForIncidentVerb = "action.new-for-incident";

    public Task<IReadOnlyList<ActionItem>> StoredAsync(string? teamId = null) =>
        bed.Service<IActionItemStore>().GetAllAsync(teamId ?? bed.TeamId, CancellationToken.None);

    public async Task<JObject> AddCardAsync(RosterMember sender)
    {
        var replies = await bed.SayInChannelAsync(sender, "add action");
        return CardOf(replies.Single()) ?? throw new InvalidOperationException(ShownBy(replies));
    }

    public async Task<JObject> AddAsync(RosterMember sender, string title = "Share the release checklist before planning", RosterMember? owner = null,
        string dueOn = "2026-11-30", string factor = "reliability")
    {
        var data = (JObject)SubmitAction(await AddCardAsync(sender))["data"]!.DeepClone();
        data["title"] = title;
        data["owner"] = (owner ?? sender).MemberId;
        data["dueOn"] = dueOn;
        data["factor"] = factor;
        return await bed.ClickAsync(sender, AddVerb, data);
    }

    /// <summary>
    /// An incident of the team, stored as the incident dialog would: a lead's is active at once, a
    /// member's waits for a lead.
    /// </summary>
    public async Task<Incident> IncidentAsync(
        string title = "Release night outage", IncidentVisibility visibility = IncidentVisibility.Team, string factor = "openness", RosterMember? declaredBy = null, string? teamId = null)
    {
        var by = declaredBy ?? Lead;
        var draft = new IncidentDraft(title, "The release broke sign-in for two hours.", IncidentSeverity.Major, bed.Clock.GetUtcNow().AddHours(-3), [factor, "reliability"], visibility);
        var incident = IncidentRules.Declare(draft, teamId ?? bed.TeamId, by == Lead ? IncidentSource.Lead : IncidentSource.Member, by.MemberId, by.Name, bed.Clock.GetUtcNow(), Guid.NewGuid());
        await bed.Service<IIncidentStore>().AddAsync(incident, CancellationToken.None);
        return incident;
    }

    /// <summary>Clicks "add an action" for the incident, as the retrospective nudge's button sends it.</summary>
    public Task<JObject> OpenForIncidentAsync(RosterMember sender, string incidentId, string? teamId = null) =>
        bed.ClickAsync(sender, NewForIncidentVerb, new JObject { ["teamId"] = teamId ?? bed.TeamId, ["incidentId"] = incidentId });

    /// <summary>Fills in and submits an add card (one opened for an incident, say), keeping the card's own data.</summary>
    public Task<JObject> SubmitAsync(RosterMember sender, JObject addCard, string title, Action<JObject>? tamper = null)
    {
        var data = (JObject)SubmitAction(addCard)["data"]!.DeepClone();
        data["title"] = title;
        data["owner"] = ValueOf(addCard, "owner");
        data["dueOn"] = "2026-11-30";
        data["factor"] = ValueOf(addCard, "factor");
        tamper?.Invoke(data);
        return bed.ClickAsync(sender, AddVerb, data);
    }

    /// <summary>The value an input of the card is filled in with.</summary>
    public static string? ValueOf(JObject card, string inputId) =>
        (string?)card.Descendants().OfType<JObject>().Single(o => (string?)o["id"] == inputId)["value"];

    public async Task<JObject> ListAsync(RosterMember reader)
    {
        var replies = await bed.SayInChannelAsync(reader, "actions");
        return CardOf(replies.Single()) ?? throw new InvalidOperationException(ShownBy(replies));
    }

    /// <summary>Clicks an item's button (or the submit of its reassign / reschedule form) on a list card, with the form's inputs.</summary>
    public Task<JObject> ClickAsync(RosterMember sender, JObject list, string title, string verb, string? owner = null, string? dueOn = null)
    {
        var data = (JObject)ButtonOf(list, title, verb)["data"]!.DeepClone();
        var itemId = (string)data["itemId"]!;
        if (owner is not null)
        {
            data[$"owner.{itemId}"] = owner;
        }

        if (dueOn is not null)
        {
            data[$"dueOn.{itemId}"] = dueOn;
        }

        return bed.ClickAsync(sender, verb, data);
    }

    public static JObject ButtonOf(JObject list, string title, string verb) =>
        ItemOf(list, title).Descendants().OfType<JObject>().First(o => (string?)o["verb"] == verb);

    public static JObject ItemOf(JObject list, string title) =>
        list.Descendants().OfType<JObject>().First(o => (string?)o["type"] == "Container" && o["items"]?.First?["text"]?.ToString().EndsWith(title, StringComparison.Ordinal) == true);

    /// <summary>The item titles in the order the card lists them.</summary>
    public static IReadOnlyList<string> TitlesIn(JToken section) =>
        [.. section.Children<JObject>().Where(o => (string?)o["type"] == "Container" && o["separator"]?.Value<bool>() == true).Select(o => (string)o["items"]![0]!["text"]!)];
}
