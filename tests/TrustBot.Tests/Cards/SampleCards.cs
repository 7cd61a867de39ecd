using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Pulse;
using TrustBot.Onboarding;
using TrustBot.Pulse;

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
        yield return ("every-element", EveryElement());
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
