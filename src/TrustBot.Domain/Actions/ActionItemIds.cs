using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TrustBot.Domain.Actions;

/// <summary>
/// Action item ids sort oldest first as ordinal strings (ticks of the time it was added, then
/// entropy), so a team's partition reads in the order its items were added.
/// </summary>
public static class ActionItemIds
{
    private const int TicksLength = 19;
    private const int EntropyLength = 8;

    /// <summary>The length of every action item id.</summary>
    public const int Length = TicksLength + 1 + EntropyLength;

    /// <summary>A new id for an item added at <paramref name="createdAt"/>.</summary>
    /// <param name="createdAt">When it is added.</param>
    /// <param name="entropy">A fresh GUID, so two items added in the same tick still differ.</param>
    public static string New(DateTimeOffset createdAt, Guid entropy) =>
        $"{createdAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{entropy.ToString("N", CultureInfo.InvariantCulture)[..EntropyLength]}";

    /// <summary>
    /// Whether the text has exactly the shape <see cref="New"/> produces; card data is checked with
    /// this before any storage read, so a tampered id never becomes a query.
    /// </summary>
    /// <param name="id">Text claimed to be an action item id.</param>
    public static bool IsWellFormed([NotNullWhen(true)] string? id) =>
        id is { Length: Length }
        && id[..TicksLength].All(char.IsAsciiDigit)
        && id[TicksLength] == '-'
        && id[(TicksLength + 1)..].All(char.IsAsciiHexDigitLower);
}
