using TrustBot.Cards;
using TrustBot.Domain.Definition;

namespace TrustBot.Definition;

/// <summary>
/// The team's current trust charter, with "Propose a change" (the proposal card of
/// <c>define trust</c>, opened in place); leads also get a button to post it to the team's channel.
/// </summary>
public static class CharterCard
{
    /// <summary>The verb of the post button.</summary>
    public const string PostVerb = "charter.post";

    /// <summary>Builds the card.</summary>
    /// <param name="charter">The charter to show.</param>
    /// <param name="teamName">The team's name, when known.</param>
    /// <param name="canPost">Whether to offer the post button (the reader leads the team).</param>
    /// <param name="notice">What the last click did, shown on top.</param>
    public static AdaptiveCard Build(TrustCharter charter, string? teamName, bool canPost, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(charter);
        List<CardElement> body = [DefinitionView.Heading("Our trust charter", teamName)];
        if (notice is not null)
        {
            body.Add(new Container([new TextBlock(notice)]) { Style = ContainerStyle.Emphasis });
        }

        body.Add(Version(charter));
        List<CardAction> actions = [ProposeChange(charter.TeamId, teamName)];
        if (canPost)
        {
            actions.Add(new ExecuteAction("Post to the team's channel", PostVerb) { Data = DefinitionCardData.ForTeam(charter.TeamId) });
        }

        return new AdaptiveCard { Body = body, Actions = actions };
    }

    /// <summary>
    /// "Propose a change": opens the proposal card in place, so a change to the charter goes the
    /// way the charter came (proposals, a vote, a lead finalises a new version).
    /// </summary>
    public static ShowCardAction ProposeChange(string teamId, string? teamName) => new("Propose a change", ProposalCard.Build(teamId, teamName));

    /// <summary>One version: the sentence, its statements, and who saved it when.</summary>
    public static Container Version(TrustCharter charter)
    {
        ArgumentNullException.ThrowIfNull(charter);
        return new Container(
        [
            new TextBlock(DefinitionView.Sentence) { Weight = TextWeight.Bolder },
            .. charter.Statements.Select(DefinitionView.Statement),
            new TextBlock($"Version {charter.Version} · finalised {CardText.LocalDateTime(charter.FinalizedAt)} by {charter.FinalizedBy}") { IsSubtle = true },
        ])
        { Separator = true };
    }
}
