using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrustBot.Cards;

/// <summary>
/// Reads what an <c>Action.Execute</c> sends back: the button's data merged with the card's
/// inputs. A client can edit all of it, so these readers only check shape; what the values mean
/// (does the team exist, does the sender lead it) is checked against storage by the dialogs.
/// </summary>
public static class CardSubmit
{
    // Every character of an id may become three in a table key, and a key holds 512.
    private const int MaxTeamIdLength = 170;

    /// <summary>
    /// The <c>teamId</c> a card carries when it is shaped like a Teams id (printable ASCII, no
    /// spaces, bounded); null for anything else, which can only be an edited card.
    /// </summary>
    public static string? TeamIdOf(JsonObject? data) =>
        data is not null
        && TryReadText(data, "teamId", out var teamId)
        && teamId is { Length: > 0 and <= MaxTeamIdLength }
        && teamId.All(c => c is > ' ' and < '\u007f')
            ? teamId
            : null;

    /// <summary>
    /// Reads a text input: true with the text (null when left empty or absent), false when the
    /// value is not a string (a number, an object), which the card never sends.
    /// </summary>
    public static bool TryReadText(JsonObject data, string name, out string? text)
    {
        ArgumentNullException.ThrowIfNull(data);
        text = null;
        switch (data[name])
        {
            case null:
                return true;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                text = value.GetValue<string>();
                return true;
            default:
                return false;
        }
    }
}
