using TrustBot.Cards;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Questions;

namespace TrustBot.Questions;

/// <summary>The card on which a lead writes a question of the team's own.</summary>
public static class AddQuestionCard
{
    /// <summary>The verb of the add button.</summary>
    public const string AddVerb = "question.add";

    /// <summary>Builds the card, filled in with a refused draft and its problems when there are some.</summary>
    /// <param name="teamId">The team the question is for.</param>
    /// <param name="draft">What the lead wrote last time, to fix it.</param>
    /// <param name="problems">Why it was refused, shown on top.</param>
    public static AdaptiveCard Build(string teamId, TeamQuestionDraft? draft = null, IReadOnlyList<string>? problems = null)
    {
        List<CardElement> body =
        [
            CardBlocks.Heading("Add a question of your team's own"),
            new TextBlock("Write a statement members can agree or disagree with. From the next pulse on it takes turns with the built-in " +
                          "questions of its factor, and members answer it anonymously, like every other.") { IsSubtle = true },
        ];

        if (problems is { Count: > 0 })
        {
            body.Add(CardBlocks.Problems(problems));
        }

        body.Add(new TextInput(QuestionCardData.TextInput)
        {
            Label = "Question",
            Placeholder = "e.g. People on this team hand over work without surprises.",
            Value = draft?.Text,
            MaxLength = TeamQuestionRules.MaxTextLength,
            IsRequired = true,
            ErrorMessage = "Please write the question.",
        });
        body.Add(new ChoiceSetInput(QuestionCardData.FactorInput, [.. TrustFactors.All.Select(f => new Choice(f.Name, f.Id))])
        {
            Label = "Which factor of trust does it measure?",
            Style = ChoiceInputStyle.Expanded,
            Value = TrustFactors.Find(draft?.FactorId ?? string.Empty)?.Id,
            IsRequired = true,
            ErrorMessage = "Please choose a factor.",
        });
        body.Add(new ToggleInput(QuestionCardData.ReverseInput, "Agreeing means LESS trust (e.g. \"I often have to chase people for what they promised.\")")
        {
            Value = draft?.IsReverseScored == true ? "true" : "false",
        });

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Add question", AddVerb) { Data = QuestionCardData.ForAdd(teamId), Style = ActionStyle.Positive }],
        };
    }
}
