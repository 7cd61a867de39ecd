using TrustBot.Cards;

namespace TrustBot.Definition;

/// <summary>How stage 2's cards word the shared parts, so every card reads the same.</summary>
public static class DefinitionView
{
    /// <summary>The sentence every proposal and charter statement finishes.</summary>
    public const string Sentence = "On our team, trust means …";

    /// <summary>A card's heading, with the team's name when Teams told us.</summary>
    public static TextBlock Heading(string title, string? teamName) =>
        CardBlocks.Heading(teamName is null ? title : $"{title}: {teamName}");

    /// <summary>"1 vote", "3 votes".</summary>
    public static string Votes(int count) => count == 1 ? "1 vote" : $"{count} votes";

    /// <summary>A statement as one line of a list.</summary>
    public static TextBlock Statement(string statement) => new($"• {statement}") { Spacing = Spacing.Small };
}
