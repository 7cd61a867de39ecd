using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Questions;
using TrustBot.Domain.Teams;
using TrustBot.Observations;
using TrustBot.Onboarding;
using TrustBot.Pulse;
using TrustBot.Summary;
using TrustBot.Domain.Summary;
using TrustBot.Questions;

namespace TrustBot.Tests.Cards;

/// <summary>
/// Every card the bot can send, with realistic data. The card contract test renders each of them
/// with the official renderer; a new card builder adds its cases here.
/// </summary>
public static class SampleCards
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        yield return ("help", HelpCard.Build(BotCommands.All));
        yield return ("help-not-understood", HelpCard.Build(BotCommands.All, notUnderstood: "how are we doing?"));
        foreach (var scope in Enum.GetValues<ConversationScope>())
        {
            yield return ($"welcome-{scope}", WelcomeCard.Build(scope));
        }

        yield return ("notice", NoticeCard.Build("Recorded", "Thanks, your answer is saved."));
        yield return ("notice-problem", NoticeCard.Build("That didn't work", TrustBotAdapter.SomethingWentWrong, isProblem: true));
        var bank = QuestionBank.BuiltIn;
        var opened = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var run = new PulseRun("19:contoso@thread.tacv2", PulseRunIds.New(opened, Guid.Empty), PulseItemSelector.Select(bank, []), opened, opened.AddDays(3), PulseRunState.Open, 3, 8);
        var answer = new PulseAnswer(run.ItemIds.ToDictionary(id => id, _ => 4), ["care", "openness"], ["reliability"]);
        var lastRun = PulseRollups.Compute(run with { State = PulseRunState.Closed }, [answer, answer, answer], bank, opened.AddDays(3));
        yield return ("pulse", PulseCard.Build(run, bank, "Contoso"));
        yield return ("pulse-prefilled-with-problem", PulseCard.Build(run, bank, null, answer, "Please answer every question: one is still unanswered."));
        yield return ("pulse-thanks-first-run", PulseThanksCard.Build(run, previousRun: null));
        yield return ("pulse-thanks-with-last-run", PulseThanksCard.Build(run, lastRun));
        foreach (var observationCard in ObservationCards(opened))
        {
            yield return observationCard;
        }

        foreach (var questionCard in QuestionCards(opened))
        {
            yield return questionCard;
        }

        var report = new SummaryReport(TeamSummaries.Build([lastRun], []), ["More honesty in stand-ups, please.", "We help each other."]);
        yield return ("summary-lead", SummaryCard.Build(run.TeamId, "Contoso", report, forLead: true));
        yield return ("summary-team-posted", SummaryCard.Build(run.TeamId, "Contoso", report, forLead: false, note: "Posted to the team's channel."));
        yield return ("summary-not-enough-answers", SummaryCard.Build(run.TeamId, "Contoso", new SummaryReport(TeamSummaries.Build([lastRun with { Responded = 2 }], []), []), forLead: true));
        yield return ("factors", FactorsCard.Build("Contoso", report.Summary));
        yield return ("every-element", EveryElement());
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> QuestionCards(DateTimeOffset now)
    {
        const string teamId = "19:contoso@thread.tacv2";
        var draft = new TeamQuestionDraft("People on this team hand over work without surprises.", "reliability", IsReverseScored: true);
        var questions = new[]
        {
            TeamQuestion.New(teamId, draft, Guid.NewGuid(), now),
            TeamQuestion.New(teamId, draft with { Text = "We say so early when a deadline is at risk.", IsReverseScored = false }, Guid.NewGuid(), now.AddDays(1)),
            TeamQuestion.New(teamId, draft with { Text = "Retired: we hold a retro after every release." }, Guid.NewGuid(), now) with { RetiredAt = now.AddDays(2) },
        };
        var bank = QuestionBank.BuiltIn.WithTeamItems(questions);
        var run = new PulseRun(teamId, PulseRunIds.New(now, Guid.Empty), [questions[0].Item.Id, questions[2].Item.Id, "care.1", "safety.1", bank.Overall.Id], now, now.AddDays(3), PulseRunState.Open, 3, 8);
        yield return ("question-add", AddQuestionCard.Build(teamId));
        yield return ("question-add-refused", AddQuestionCard.Build(teamId, draft with { Text = "Short", FactorId = "overall" },
            ["The question is 5 characters long; please make it at least 10, so members know what they are agreeing with.", "Every pulse already ends with the overall-trust question."]));
        yield return ("questions", TeamQuestionsCard.Build(teamId, questions, QuestionBank.BuiltIn.Items.Count));
        yield return ("questions-retired-notice", TeamQuestionsCard.Build(teamId, questions, QuestionBank.BuiltIn.Items.Count, "\"We say so early\" is retired: pulses won't ask it any more."));
        yield return ("questions-none", TeamQuestionsCard.Build(teamId, [], QuestionBank.BuiltIn.Items.Count));
        yield return ("pulse-with-team-questions", PulseCard.Build(run, bank, "Contoso"));
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> ObservationCards(DateTimeOffset now)
    {
        var team = new Team("19:contoso@thread.tacv2", "tenant", "Contoso", TeamKind.Team, "19:contoso@thread.tacv2", "https://smba.example/", now);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var observations = Enumerable.Range(0, 10).Select(i => new ObservationEntry(
                i % 2 == 0 ? ObservationKind.GoSee : ObservationKind.Interview,
                $"At the {i + 1}th stand-up, the team asked for help early and *nobody* was blamed for the slip.",
                ["safety", "care", "openness"],
                (ObservationEffect)(i % 3),
                today.AddDays(-i))
            .ToObservation(team.Id, "aad-lead", now.AddMinutes(-i), Guid.NewGuid()))
            .ToList();
        yield return ("observation", ObservationCard.Build(team, ObservationForm.Blank(today, string.Empty)));
        yield return ("observation-refused", ObservationCard.Build(
            team with { Name = null },
            new ObservationForm("GoSee", new string('x', 1001), "care,gossip", "Hurts", "next tuesday"),
            "What you saw is 1001 characters long; please keep it to 1000 or fewer. Please pick only from the listed trust factors."));
        yield return ("observation-saved", ObservationSavedCard.Build(observations[0]));
        yield return ("observations", ObservationListCard.Build(team, observations));
        yield return ("observations-none", ObservationListCard.Build(team, []));
    }

    // Exercises every element and action of the card model, so a serialisation mistake in one
    // that no shipped card uses yet is still caught by the renderer.
    private static AdaptiveCard EveryElement() => new()
    {
        Body =
        [
            new TextBlock("Heading") { Style = TextBlockStyle.Heading, Size = TextSize.ExtraLarge, Color = TextColor.Accent },
            new RichTextBlock([new TextRun("Openness ") { Weight = TextWeight.Bolder }, new TextRun("down 0.4") { Color = TextColor.Attention, Italic = true }]),
            new Container([new TextBlock("Inside")]) { Style = ContainerStyle.Emphasis, Bleed = true, Id = "details", IsVisible = false },
            new ColumnSet([new Column([new TextBlock("Left")]) { Width = "auto" }, new Column([new TextBlock("Right")]) { Width = "stretch", VerticalContentAlignment = VerticalAlignment.Center }]),
            new FactSet([new Fact("Trust index", "72")]),
            new Image("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==") { AltText = "Trend", Size = ImageSize.Small },
            new TextInput("comment") { Label = "Comment", Placeholder = "Optional", MaxLength = 500, IsMultiline = true },
            new ChoiceSetInput("q1", [new Choice("Strongly disagree", "1"), new Choice("Strongly agree", "5")])
            {
                Label = "I can rely on my teammates.", Style = ChoiceInputStyle.Expanded, IsRequired = true, ErrorMessage = "Pick one.",
            },
            new ChoiceSetInput("helped", [new Choice("Openness", "openness"), new Choice("Care", "care")]) { Label = "What helped?", IsMultiSelect = true },
            new DateInput("due") { Label = "Due", Min = "2026-11-25", Value = "2026-12-01" },
            new ToggleInput("named", "Show my name"),
            new NumberInput("window") { Label = "Days open", Min = 1, Max = 14, Value = 3 },
            new ActionSet([new ToggleVisibilityAction("Details", ["details"])]),
        ],
        Actions =
        [
            new ExecuteAction("Submit", "pulse.submit") { Data = new { runId = "r1" }, Style = ActionStyle.Positive },
            new ShowCardAction("More", new AdaptiveCard { Body = [new TextBlock("Nested")] }),
            new OpenUrlAction("Learn more", "https://learn.microsoft.com/microsoftteams/platform/"),
        ],
    };
}
