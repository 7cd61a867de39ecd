using System.Globalization;

namespace TrustBot.Domain.Pulse;

/// <summary>
/// Run ids that sort newest first as ordinal strings (so the team's latest runs are the first rows
/// of a range scan), and the check that refuses anything else before it reaches storage.
/// </summary>
/// <remarks>Shape: 19 digits of inverted UTC ticks, '-', 8 lower-case hex digits of entropy, e.g. <c>0000000000000000000-0123abcd</c>.</remarks>
public static class PulseRunIds
{
    private const int TicksLength = 19;
    private const int EntropyLength = 8;

    /// <summary>The length of every run id.</summary>
    public const int Length = TicksLength + 1 + EntropyLength;

    /// <summary>A new run id for a run that opens at <paramref name="opensAt"/>.</summary>
    /// <param name="opensAt">When the run opens; later runs get ids that sort earlier.</param>
    /// <param name="entropy">A fresh GUID, so two runs opening at the same tick still differ.</param>
    public static string New(DateTimeOffset opensAt, Guid entropy)
    {
        var invertedTicks = DateTimeOffset.MaxValue.UtcTicks - opensAt.UtcTicks;
        var entropyHex = entropy.ToString("N", CultureInfo.InvariantCulture)[..EntropyLength];
        return $"{invertedTicks.ToString("D19", CultureInfo.InvariantCulture)}-{entropyHex}";
    }

    /// <summary>
    /// Whether the text has exactly the shape <see cref="New"/> produces; card data is checked with
    /// this before any storage read, so a tampered id never becomes a query.
    /// </summary>
    /// <param name="runId">Text claimed to be a run id.</param>
    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? runId) =>
        runId is { Length: Length }
        && runId[..TicksLength].All(char.IsAsciiDigit)
        && runId[TicksLength] == '-'
        && runId[(TicksLength + 1)..].All(char.IsAsciiHexDigitLower);
}
