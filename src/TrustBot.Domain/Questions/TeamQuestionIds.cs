using System.Globalization;

namespace TrustBot.Domain.Questions;

/// <summary>
/// Ids of a team's own questions, <c>custom.</c> and 8 lower-case hex digits (e.g. <c>custom.0123abcd</c>),
/// and the check that refuses anything else before it reaches storage.
/// </summary>
/// <remarks>
/// The prefix keeps them apart from the built-in ids (which start with their factor), and the shape
/// fits the question bank's id rule, so custom items can sit in runs and roll-ups beside built-in ones.
/// </remarks>
public static class TeamQuestionIds
{
    /// <summary>What every custom id starts with.</summary>
    public const string Prefix = "custom.";

    private const int EntropyLength = 8;

    /// <summary>A new id.</summary>
    /// <param name="entropy">A fresh GUID.</param>
    public static string New(Guid entropy) => Prefix + entropy.ToString("N", CultureInfo.InvariantCulture)[..EntropyLength];

    /// <summary>
    /// Whether the text has exactly the shape <see cref="New"/> produces; card data is checked with
    /// this before any storage read, so a tampered id never becomes a query.
    /// </summary>
    /// <param name="itemId">Text claimed to be a custom question id.</param>
    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? itemId) =>
        itemId?.Length == Prefix.Length + EntropyLength
        && itemId.StartsWith(Prefix, StringComparison.Ordinal)
        && itemId[Prefix.Length..].All(char.IsAsciiHexDigitLower);
}
