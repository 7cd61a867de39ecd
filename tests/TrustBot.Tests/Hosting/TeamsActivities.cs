using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TrustBot.Tests.Hosting;

/// <summary>Teams-shaped activities, as the Teams channel sends them, for posting to <c>/api/messages</c>.</summary>
public static class TeamsActivities
{
    public const string BotId = "28:trustbot-app-id";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    public static JsonObject PersonalMessage(string text) => Message(text, "personal", "a:1personal-conversation");

    public static JsonObject ChannelMessage(string text) => Message(text, "channel", "19:general@thread.tacv2;messageid=1700000000000");

    public static JsonObject Message(string text, string conversationType, string conversationId) => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000001",
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["deliveryMode"] = "expectReplies",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = "29:1member", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000aa", ["name"] = "Alex" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TrustBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["entities"] = text.Contains("<at>", StringComparison.Ordinal)
            ? new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>TrustBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "TrustBot" },
            })
            : new JsonArray(),
    };

    public static JsonObject BotInstalled(string conversationType, string conversationId)
    {
        var activity = Message(string.Empty, conversationType, conversationId);
        activity.Remove("text");
        activity["type"] = "conversationUpdate";
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        return activity;
    }

    public static JsonObject CardAction(string verb, JsonObject? data = null)
    {
        var activity = PersonalMessage(string.Empty);
        activity.Remove("text");
        activity.Remove("deliveryMode");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>Posts an activity and returns the replies the bot sent (expectReplies) as JSON.</summary>
    public static async Task<JsonArray> PostExpectingRepliesAsync(this HttpClient client, JsonObject activity)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return body["activities"]!.AsArray();
    }

    /// <summary>The Adaptive Card content of a reply, or null when it carries none.</summary>
    public static JsonObject? CardOf(JsonNode? reply) =>
        reply?["attachments"]?.AsArray().FirstOrDefault(a => (string?)a?["contentType"] == "application/vnd.microsoft.card.adaptive")?["content"]?.AsObject();

    /// <summary>Every piece of text in a card, in order, joined with new lines (for "does the user see X").</summary>
    public static string TextOf(JsonNode? card) => string.Join('\n', Texts(card));

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "text" or "title" or "value" && p.Value is JsonValue v && v.TryGetValue<string>(out var s)
            ? [s]
            : Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
