using Newtonsoft.Json.Linq;

namespace TrustBot.Testing;

/// <summary>An activity the fake connector accepted (and answered with success).</summary>
/// <param name="ConversationId">The conversation it was sent to (unescaped).</param>
/// <param name="RecipientUserId">For a personal conversation the fake created, the member it was created for; otherwise null.</param>
/// <param name="Activity">The activity as the bot sent it (camelCase JSON).</param>
/// <param name="At">When the fake accepted it, by <see cref="FakeConnectorOptions.Clock"/>.</param>
public sealed record ReceivedActivity(string ConversationId, string? RecipientUserId, JObject Activity, DateTimeOffset At)
{
    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    // Properties of Adaptive Card elements that a person reads on screen.
    private static readonly HashSet<string> ReadableProperties = ["text", "title", "label", "placeholder", "errorMessage", "altText"];

    /// <summary>The id the fake gave the activity (or, for an update, the id of the activity updated).</summary>
    public string ActivityId { get; init; } = string.Empty;

    /// <summary>The activity's plain <c>text</c>, if any.</summary>
    public string? Text => Activity.Value<string>("text");

    /// <summary>The content of each Adaptive Card attached, in order.</summary>
    public IReadOnlyList<JObject> AdaptiveCards =>
        [.. (Activity["attachments"] as JArray ?? new JArray())
            .OfType<JObject>()
            .Where(attachment => attachment.Value<string>("contentType") == AdaptiveCardContentType)
            .Select(attachment => attachment["content"] switch
            {
                JObject card => card,
                // Some senders put the card in as a JSON string.
                JValue { Type: JTokenType.String } serialised => JObject.Parse((string)serialised!),
                _ => new JObject(),
            })];

    /// <summary>Everything a person would read on the attached Adaptive Cards (texts, titles, labels, facts), one piece a line.</summary>
    public string CardText() => string.Join('\n', AdaptiveCards.SelectMany(card => card.Descendants().OfType<JProperty>()).Where(IsReadable).Select(p => (string)p.Value!));

    private static bool IsReadable(JProperty property) =>
        property.Value.Type == JTokenType.String
        && (ReadableProperties.Contains(property.Name) || (property.Name == "value" && IsFact(property)));

    // A FactSet's facts are {"title": …, "value": …}; the value is read like the title.
    private static bool IsFact(JProperty property) => property.Parent?.Parent?.Parent is JProperty { Name: "facts" };
}
