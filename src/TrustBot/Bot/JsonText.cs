using System.Text.Json;

namespace TrustBot.Bot;

/// <summary>
/// Checks that a JSON document's text is Unicode. JSON lets a string escape half of a UTF-16
/// surrogate pair (<c>"\ud800"</c>) on its own, which no text can hold: System.Text.Json throws on
/// reading it and storage cannot encode it. Bodies from outside are checked once, up front, so
/// such a request gets a 400 instead of failing half-way.
/// </summary>
public static class JsonText
{
    /// <summary>What a refusal says.</summary>
    public const string NotUnicode = "The body has text that is not valid Unicode (an escaped UTF-16 surrogate without its pair, such as \\ud800).";

    /// <summary>Whether every property name and string value in <paramref name="element"/>, at any depth, is valid Unicode.</summary>
    public static bool IsUnicode(JsonElement element)
    {
        try
        {
            Read(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // The depth is bounded by the reader's maximum (64), so recursion is safe.
    private static void Read(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Read(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Read(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }
}
