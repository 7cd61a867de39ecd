using System.Globalization;
using TrustBot.Cards;
using TrustBot.Domain.Pulse;

namespace TrustBot.Pulse;

/// <summary>The pulse check-in card a member answers in their 1:1 chat.</summary>
public static class PulseCard
{
    /// <summary>The verb of the submit button.</summary>
    public const string SubmitVerb = "pulse.submit";

    /// <summary>Input id prefix of the items' choice sets: <c>score.{itemId}</c>.</summary>
    public const string ScoreInputPrefix = "score.";

    /// <summary>Input id of the "what helped" picks.</summary>
    public const string HelpedInput = "helped";

    /// <summary>Input id of the "what hurt" picks.</summary>
    public const string HurtInput = "hurt";

    /// <summary>Input id of the optional comment.</summary>
    public const string CommentInput = "comment";

    /// <summary>Builds the card, filled in with an earlier answer when the member is changing it.</summary>
    /// <param name="run">The run being answered.</param>
    /// <param name="bank">Where the run's items come from.</param>
    /// <param name="teamName">The team's name, when known.</param>
    /// <param name="previous">The member's earlier answer, to change it.</param>
    /// <param name="problem">Why the last submit was refused, shown on top.</param>
    public static AdaptiveCard Build(PulseRun run, QuestionBank bank, string? teamName, PulseAnswer? previous = null, string? problem = null)
    {
        List<CardElement> body =
        [
            CardBlocks.Heading(teamName is null ? "Trust pulse" : $"Trust pulse: {teamName}"),
            new TextBlock($"A minute, {run.ItemIds.Count} questions. Your answers are anonymous: they are stored without your name, " +
                          $"and the team only sees totals once at least {run.AnonymityThreshold} people have answered.") { IsSubtle = true },
            new TextBlock($"Open until {CardText.LocalDateTime(run.ClosesAt)}. You can change your answer until then.") { IsSubtle = true, Spacing = Spacing.None },
        ];

        if (problem is not null)
        {
            body.Add(CardBlocks.Problems(problem));
        }

        var choices = Enumerable.Range(LikertScale.Min, LikertScale.Max - LikertScale.Min + 1)
            .Select(point => new Choice(LikertScale.Label(point), point.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        foreach (var itemId in run.ItemIds)
        {
            var item = bank.Find(itemId);
            if (item is null)
            {
                continue;
            }

            body.Add(new ChoiceSetInput(ScoreInputPrefix + item.Id, choices)
            {
                Label = item.Text,
                Style = ChoiceInputStyle.Expanded,
                IsRequired = true,
                ErrorMessage = "Please pick one answer.",
                Value = previous?.Scores.TryGetValue(item.Id, out var point) == true ? point.ToString(CultureInfo.InvariantCulture) : null,
                Separator = true,
            });
        }

        var factors = TrustFactors.All.Select(f => new Choice(f.Name, f.Id)).ToList();
        body.Add(new ChoiceSetInput(HelpedInput, factors)
        {
            Label = $"Lately, what helped trust? (up to {PulseSubmissionRules.MaxPicks})",
            IsMultiSelect = true,
            Value = previous is null ? null : string.Join(',', previous.Helped),
            Separator = true,
        });
        body.Add(new ChoiceSetInput(HurtInput, factors)
        {
            Label = $"Lately, what hurt trust? (up to {PulseSubmissionRules.MaxPicks})",
            IsMultiSelect = true,
            Value = previous is null ? null : string.Join(',', previous.Hurt),
        });
        body.Add(new TextInput(CommentInput)
        {
            Label = "Anything else? (optional)",
            Placeholder = "Comments are anonymous and only shown once at least " +
                          $"{Anonymity.CommentThreshold(run.AnonymityThreshold)} people have answered.",
            MaxLength = PulseSubmissionRules.MaxCommentLength,
            IsMultiline = true,
            Value = previous?.Comment,
        });

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction(previous is null ? "Submit" : "Update my answer", SubmitVerb) { Data = PulseCardData.For(run), Style = ActionStyle.Positive }],
        };
    }
}
