using Newtonsoft.Json.Linq;
using TrustBot.Domain.Actions;
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
