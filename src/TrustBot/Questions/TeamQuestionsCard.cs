using TrustBot.Cards;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Questions;

namespace TrustBot.Questions;

/// <summary>A team's own questions in use, each with a button to retire it.</summary>
public static class TeamQuestionsCard
{
    /// <summary>The verb of the Retire buttons.</summary>
    public const string RetireVerb = "question.retire";

    /// <summary>Builds the card.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="questions">The team's questions, retired ones included (they are counted, not listed).</param>
    /// <param name="builtInCount">How many built-in questions pulses also draw from.</param>
    /// <param name="notice">What the last click did, shown on top.</param>
    public static AdaptiveCard Build(string teamId, IReadOnlyList<TeamQuestion> questions, int builtInCount, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(questions);
        List<CardElement> body =
        [
            CardBlocks.Heading("Your team's own questions"),
        ];

        if (notice is not null)
        {
            body.Add(new Container([new TextBlock(notice)]) { Style = ContainerStyle.Emphasis });
        }

        var active = questions.Where(q => !q.IsRetired).ToList();
        if (active.Count == 0)
        {
            body.Add(new TextBlock("Your team has no questions of its own in use. Type add question to add one."));
        }

        body.AddRange(active.Select(question => new Container(
        [
            new TextBlock(question.Item.Text) { Weight = TextWeight.Bolder },
            new TextBlock(Describe(question)) { IsSubtle = true, Spacing = Spacing.None },
            new ActionSet([new ExecuteAction("Retire", RetireVerb) { Data = QuestionCardData.ForRetire(teamId, question.Item.Id), Style = ActionStyle.Destructive }]),
        ])
        { Separator = true }));

        var retired = questions.Count - active.Count;
        body.Add(new TextBlock(
            $"Pulses also draw from TrustBot's {builtInCount} built-in questions and always end with the overall-trust question. " +
            (retired > 0 ? $"{retired} retired {(retired == 1 ? "question is" : "questions are")} no longer asked; earlier answers stay in your history. " : string.Empty) +
            $"A team can have up to {TeamQuestionRules.MaxActivePerTeam} questions of its own in use.")
        { IsSubtle = true, Separator = true });

        return new AdaptiveCard { Body = body };
    }

    private static string Describe(TeamQuestion question) =>
        (TrustFactors.Find(question.Item.FactorId)?.Name ?? question.Item.FactorId) +
        (question.Item.IsReverseScored ? " · agreeing means less trust" : string.Empty) +
        $" · added {CardText.LocalDateTime(question.AddedAt)}";
}
