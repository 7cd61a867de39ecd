using TrustBot.Cards;
using TrustBot.Domain.Definition;

namespace TrustBot.Definition;

/// <summary>Every version of the team's charter, newest first.</summary>
public static class CharterHistoryCard
{
    /// <summary>Builds the card.</summary>
    /// <param name="newestFirst">The versions, newest first.</param>
    /// <param name="teamName">The team's name, when known.</param>
    public static AdaptiveCard Build(IReadOnlyList<TrustCharter> newestFirst, string? teamName)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        List<CardElement> body = [DefinitionView.Heading("Trust charter history", teamName)];
        if (newestFirst.Count == 0)
        {
            body.Add(new TextBlock("Your team has no trust charter yet. Propose statements with define trust; a lead opens a vote and then writes the charter."));
            return new AdaptiveCard { Body = body };
        }

        body.Add(new TextBlock($"{newestFirst.Count} {(newestFirst.Count == 1 ? "version" : "versions")}, newest first; the first is the current charter.") { IsSubtle = true });
        body.AddRange(newestFirst.Select(CharterCard.Version));
        return new AdaptiveCard { Body = body };
    }
}
