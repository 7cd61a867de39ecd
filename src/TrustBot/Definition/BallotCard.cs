using TrustBot.Cards;
using TrustBot.Domain.Definition;

namespace TrustBot.Definition;

/// <summary>A member's ballot: the proposals to pick from, with the closing time; changeable until then.</summary>
public static class BallotCard
{
    /// <summary>The verb of the vote button.</summary>
    public const string VoteVerb = "trust.vote";

    /// <summary>Builds the card.</summary>
    /// <param name="vote">The vote.</param>
    /// <param name="proposals">The proposals on the ballot.</param>
    /// <param name="teamName">The team's name, when known.</param>
    /// <param name="picks">The member's current picks, to fill the card in with.</param>
    /// <param name="notice">What the last vote did, shown on top.</param>
    /// <param name="problems">Why the last vote was refused, shown on top.</param>
    public static AdaptiveCard Build(
        TrustVote vote,
        IReadOnlyList<TrustProposal> proposals,
        string? teamName,
        IReadOnlyList<string>? picks = null,
        string? notice = null,
        IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(proposals);
        List<CardElement> body =
        [
            DefinitionView.Heading("Vote: what does trust mean to us?", teamName),
            new TextBlock($"Pick up to {DefinitionRules.MaxPicks} statements that say best what trust means on your team. " +
                          $"You can change your vote until {CardText.LocalDateTime(vote.ClosesAt)}. Only the counts are ever shown.") { IsSubtle = true },
        ];
        if (notice is not null)
        {
            body.Add(new Container([new TextBlock(notice)]) { Style = ContainerStyle.Emphasis });
        }

        if (problems is { Count: > 0 })
        {
            body.Add(CardBlocks.Problems(problems));
        }

        body.Add(new ChoiceSetInput(DefinitionCardData.PicksInput, [.. proposals.Select(p => new Choice(p.Text, p.Id))])
        {
            Label = DefinitionView.Sentence,
            Style = ChoiceInputStyle.Expanded,
            IsMultiSelect = true,
            IsRequired = true,
            ErrorMessage = "Please pick at least one statement.",
            Value = picks is { Count: > 0 } ? string.Join(',', picks) : null,
        });
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Vote", VoteVerb) { Data = DefinitionCardData.ForBallot(vote.TeamId, vote.Id), Style = ActionStyle.Positive }],
        };
    }
}
