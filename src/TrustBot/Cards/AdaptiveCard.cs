using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrustBot.Cards;

/// <summary>
/// An Adaptive Card, schema version 1.5: the subset of the object model this bot sends.
/// The official .NET object model (the AdaptiveCards package) is not available to this build,
/// so the cards are typed here and checked against the JavaScript renderer in the tests.
/// </summary>
public sealed record AdaptiveCard
{
    /// <summary>The MIME type Teams expects for Adaptive Card attachments and invoke responses.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Always <c>AdaptiveCard</c>.</summary>
    public string Type => "AdaptiveCard";

    /// <summary>The schema document the card conforms to.</summary>
    [JsonPropertyName("$schema")]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>Schema version; 1.5 is what Teams renders on every client.</summary>
    public string Version => "1.5";

    /// <summary>The card's content, top to bottom.</summary>
    public required IReadOnlyList<CardElement> Body { get; init; }

    /// <summary>Buttons shown at the bottom of the card.</summary>
    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Teams-specific options: cards use the full width of the conversation.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardOptions Teams { get; init; } = new();

    /// <summary>The card as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, CardJson.Options);
}

/// <summary>Teams-specific card options (the <c>msteams</c> property).</summary>
public sealed record TeamsCardOptions
{
    /// <summary><c>Full</c> lets the card use the whole width of the chat.</summary>
    public string Width { get; init; } = "Full";
}

internal static class CardJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
