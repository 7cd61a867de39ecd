using System.Globalization;

namespace TrustBot.Domain.Recovery;

/// <summary>Incident ids: <c>inc-</c>, the declaration time (so ids sort newest first) and a random part.</summary>
public static class IncidentIds
{
    /// <summary>What every incident id starts with.</summary>
    public const string Prefix = "inc-";

    /// <summary>A new id for an incident declared at <paramref name="declaredAt"/>.</summary>
    public static string New(DateTimeOffset declaredAt, Guid random) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{DateTimeOffset.MaxValue.UtcTicks - declaredAt.UtcTicks:D19}-{random:N}");

    /// <summary>Whether <paramref name="id"/> has the shape of an incident id (a card's data is checked before any lookup).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 56 } && id.StartsWith(Prefix, StringComparison.Ordinal) && id[4..23].All(char.IsAsciiDigit) && id[23] == '-'
        && id[24..].All(char.IsAsciiHexDigitLower);
}
