using TrustBot.Cards;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Teams;

namespace TrustBot.Definition;

/// <summary>
/// The lead's card for writing the charter: every proposal with its votes, the favourites picked,
/// and their statements in a text box the lead can edit before saving.
/// </summary>
public static class FinalizeCard
{
    /// <summary>The verb of the save button.</summary>
    public const string SaveVerb = "charter.save";

    /// <summary>Builds the card, filled in with the most-voted proposals (up to <see cref="DefinitionRules.MaxPicks"/>).</summary>
    /// <param name="team">The team.</param>
    /// <param name="proposals">The team's proposals.</param>
    /// <param name="votes">Votes per proposal id (proposals missing from it have none).</param>
    public static AdaptiveCard Build(Team team, IReadOnlyList<TrustProposal> proposals, IReadOnlyDictionary<string, int> votes)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(votes);
        var favourites = Ranked(proposals, votes).Where(p => VotesOf(p, votes) > 0).Take(DefinitionRules.MaxPicks).ToList();
        return Build(team, proposals, votes, [.. favourites.Select(p => p.Id)], string.Join('\n', favourites.Select(p => p.Text)));
    }

    /// <summary>Builds the card, filled in with what the lead sent when it was refused.</summary>
    /// <param name="team">The team.</param>
    /// <param name="proposals">The team's proposals.</param>
    /// <param name="votes">Votes per proposal id.</param>
    /// <param name="picks">The proposal ids picked.</param>
    /// <param name="statements">The statements, one a line.</param>
    /// <param name="problems">Why the last save was refused, shown on top.</param>
    public static AdaptiveCard Build(
        Team team,
        IReadOnlyList<TrustProposal> proposals,
        IReadOnlyDictionary<string, int> votes,
        IReadOnlyList<string> picks,
        string? statements,
        IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(picks);
        List<CardElement> body =
        [
            DefinitionView.Heading("Write the trust charter", team.Name),
            new TextBlock("Every proposal with its votes, most voted first. Edit the statements below as the team agreed: each line becomes one statement of the charter. " +
                          "Leave the box empty to use the picked proposals as they are.") { IsSubtle = true },
        ];
        if (problems is { Count: > 0 })
        {
            body.Add(CardBlocks.Problems(problems));
        }

        body.Add(new ChoiceSetInput(DefinitionCardData.PicksInput, [.. Ranked(proposals, votes).Select(p => new Choice($"{p.Text} ({DefinitionView.Votes(VotesOf(p, votes))})", p.Id))])
        {
            Label = "Proposals",
            Style = ChoiceInputStyle.Expanded,
            IsMultiSelect = true,
            Value = picks.Count > 0 ? string.Join(',', picks) : null,
        });
        body.Add(new TextInput(DefinitionCardData.StatementsInput)
        {
            Label = $"{DefinitionView.Sentence} (one statement a line, at most {DefinitionRules.MaxStatements})",
            MaxLength = DefinitionRules.MaxStatements * (DefinitionRules.MaxTextLength + 1),
            IsMultiline = true,
            Value = statements,
        });
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Save the charter", SaveVerb) { Data = DefinitionCardData.ForTeam(team.Id), Style = ActionStyle.Positive }],
        };
    }

    private static int VotesOf(TrustProposal proposal, IReadOnlyDictionary<string, int> votes) => votes.GetValueOrDefault(proposal.Id);

    private static IEnumerable<TrustProposal> Ranked(IReadOnlyList<TrustProposal> proposals, IReadOnlyDictionary<string, int> votes) =>
        proposals.OrderByDescending(p => VotesOf(p, votes)).ThenBy(p => p.ProposedAt);
}
