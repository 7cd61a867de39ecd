using TrustBot.Cards;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Teams;

namespace TrustBot.Definition;

/// <summary>The card on which anyone in the team finishes "On our team, trust means …".</summary>
public static class ProposalCard
{
    /// <summary>The verb of the submit button.</summary>
    public const string ProposeVerb = "trust.propose";

    /// <summary>Builds the card, filled in with what was sent when it was refused.</summary>
    /// <param name="team">The team the proposal is for.</param>
    /// <param name="text">The statement to start from.</param>
    /// <param name="named">Whether "show my name" is on.</param>
    /// <param name="problems">Why the last submit was refused, shown on top.</param>
    public static AdaptiveCard Build(Team team, string? text = null, bool named = false, IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        return Build(team.Id, team.Name, text, named, problems);
    }

    /// <summary>Builds the card for a team known by id and name, e.g. inside the charter card's "Propose a change".</summary>
    /// <param name="teamId">The team the proposal is for.</param>
    /// <param name="teamName">Its name, when known.</param>
    /// <param name="text">The statement to start from.</param>
    /// <param name="named">Whether "show my name" is on.</param>
    /// <param name="problems">Why the last submit was refused, shown on top.</param>
    public static AdaptiveCard Build(string teamId, string? teamName, string? text = null, bool named = false, IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(teamId);
        List<CardElement> body =
        [
            DefinitionView.Heading("What does trust mean to us?", teamName),
            new TextBlock("Finish the sentence in your own words. The lead will open a vote on everyone's proposals, and the favourites become the team's trust charter. " +
                          "Your proposal is anonymous unless you choose to show your name.") { IsSubtle = true },
        ];
        if (problems is { Count: > 0 })
        {
            body.Add(CardBlocks.Problems(problems));
        }

        body.Add(new TextInput(DefinitionCardData.TextInput)
        {
            Label = DefinitionView.Sentence,
            Placeholder = "… we say early when something is going wrong, and nobody is blamed for it.",
            MaxLength = DefinitionRules.MaxTextLength,
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = "Please finish the sentence.",
            Value = text,
        });
        body.Add(new ToggleInput(DefinitionCardData.NamedInput, "Show my name with it") { Value = named ? "true" : "false" });
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Propose", ProposeVerb) { Data = DefinitionCardData.ForTeam(teamId), Style = ActionStyle.Positive }],
        };
    }
}
