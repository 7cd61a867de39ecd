using TrustBot.Actions;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Definition;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Actions;
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
using TrustBot.Domain.Scheduling;
using TrustBot.Scheduling;

namespace TrustBot.Tests.Cards;

/// <summary>
/// Every card the bot can send, with realistic data. The card contract test renders each of them
/// with the official renderer; a new card builder adds its cases here.
/// </summary>
public static class SampleCards
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All() =>
        Stages1To4().Concat(IncidentSampleCards.All()).Concat(RecoverySampleCards.All()).Concat(IncidentWebhookSampleCards.All()).Concat(IncidentLinkSampleCards.All())
            .Concat(LeadsSampleCards.All()).Concat(CharterAndTeamChangeSampleCards.All()).Concat(ClosingTheLoopSampleCards.All());

    private static IEnumerable<(string Name, AdaptiveCard Card)> Stages1To4()
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
        var answer = new PulseAnswer(run.ItemIds.ToDictionary(id => id, _ => 4), ["care", "openness"], ["reliability"], "Retros feel safer.");
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

        foreach (var actionCard in ActionCards(opened))
        {
            yield return actionCard;
        }

        var report = new SummaryReport(TeamSummaries.Build([lastRun], []), ["More honesty in stand-ups, please.", "We help each other."]);
        yield return ("summary-lead", SummaryCard.Build(run.TeamId, "Contoso", report, forLead: true));
        yield return ("summary-team-posted", SummaryCard.Build(run.TeamId, "Contoso", report, forLead: false, note: "Posted to the team's channel."));
        yield return ("summary-not-enough-answers", SummaryCard.Build(run.TeamId, "Contoso", new SummaryReport(TeamSummaries.Build([lastRun with { Responded = 2 }], []), []), forLead: true));
        yield return ("factors", FactorsCard.Build("Contoso", report.Summary));
        foreach (var definitionCard in DefinitionCards(opened))
        {
            yield return definitionCard;
        }

        foreach (var scheduleCard in ScheduleCards(opened))
        {
            yield return scheduleCard;
        }

        yield return ("every-element", EveryElement());
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> ActionCards(DateTimeOffset now)
    {
        var team = new Team("19:contoso@thread.tacv2", "tenant", "Contoso", TeamKind.Team, "19:contoso@thread.tacv2", "https://smba.example/", now);
        RosterMember[] roster = [new("aad-megan", "29:1megan", "Megan Bowen"), new("aad-adele", "29:1adele", "Adele Vance")];
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var items = Enumerable.Range(0, 6).Select(i => new ActionDraft($"Share the release checklist before planning #{i}", roster[i % 2].MemberId, today.AddDays(i - 2), TrustFactors.All[i].Id)
                .ToItem(team.Id, roster[i % 2].Name, "aad-megan", now.AddMinutes(i), Guid.NewGuid()))
            .Select((item, i) => i < 2 ? item with { CompletedAt = now } : item)
            .ToList();
        var reader = new ActionListReader("aad-megan", today, now, roster);
        yield return ("action-add", AddActionCard.Build(team, roster, today, ActionForm.Blank("aad-megan", string.Empty)));
        yield return ("action-add-refused", AddActionCard.Build(team, roster, today, new ActionForm(new string('x', 201), "aad-mallory", "soon", "gossip"),
            ["The title is 201 characters long; please keep it to 200 or fewer.", "That due date isn't one I can read; please pick the day from the calendar."]));
        yield return ("actions", ActionListCard.Build(team, items, reader, new ActionListNotice("\"Share the release checklist\" is completed. Well done!", IsProblem: false)));
        yield return ("actions-refused", ActionListCard.Build(team, items, reader, new ActionListNotice("Only Adele Vance or a lead of the team can change it.", IsProblem: true)));
        yield return ("actions-none", ActionListCard.Build(team, [], reader));
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

    private static IEnumerable<(string Name, AdaptiveCard Card)> DefinitionCards(DateTimeOffset now)
    {
        var team = new Team("19:contoso@thread.tacv2", "tenant", "Contoso", TeamKind.Team, "19:contoso@thread.tacv2", "https://smba.example/", now);
        var proposals = new[]
        {
            TrustProposal.New(team.Id, "We say early when something is going wrong, and nobody is blamed for it.", new ProposalAuthor("aad-megan", "Megan Bowen"), now, Guid.NewGuid()),
            TrustProposal.New(team.Id, "We do what we said we would, or say why not.", null, now.AddMinutes(1), Guid.NewGuid()),
            TrustProposal.New(team.Id, "We ask for help before it is too late.", null, now.AddMinutes(2), Guid.NewGuid()),
        };
        var vote = new TrustVote(team.Id, PulseRunIds.New(now, Guid.Empty), [.. proposals.Select(p => p.Id)], now, now.AddDays(3), null);
        var votes = new Dictionary<string, int> { [proposals[0].Id] = 3, [proposals[1].Id] = 1 };
        var charter = new TrustCharter(team.Id, 2, [proposals[0].Text, proposals[1].Text], now.AddDays(3), "Lynne Robbins");
        yield return ("trust-propose", ProposalCard.Build(team));
        yield return ("trust-propose-refused", ProposalCard.Build(team with { Name = null }, new string('x', 281), named: true, ["Your statement is 281 characters long; please keep it to 280 or fewer."]));
        yield return ("trust-ballot", BallotCard.Build(vote, proposals, "Contoso"));
        yield return ("trust-ballot-voted", BallotCard.Build(vote, proposals, null, [proposals[0].Id, proposals[2].Id], notice: "Your vote is saved."));
        yield return ("trust-ballot-refused", BallotCard.Build(vote, proposals, null, [], problems: ["Please pick at most 3 statements (you picked 4)."]));
        yield return ("charter-finalize", FinalizeCard.Build(team, proposals, votes));
        yield return ("charter-finalize-refused", FinalizeCard.Build(team, proposals, votes, [], string.Empty, ["Please keep at least one statement for the charter."]));
        yield return ("charter-lead", CharterCard.Build(charter, "Contoso", canPost: true, notice: "Posted to the team's channel."));
        yield return ("charter-member", CharterCard.Build(charter, null, canPost: false));
        yield return ("charter-history", CharterHistoryCard.Build([charter, charter with { Version = 1, Statements = [proposals[2].Text] }], "Contoso"));
        yield return ("charter-history-none", CharterHistoryCard.Build([], "Contoso"));
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> ScheduleCards(DateTimeOffset now)
    {
        var team = new Team("19:contoso@thread.tacv2", "tenant", "Contoso", TeamKind.Team, "19:contoso@thread.tacv2", "https://smba.example/", now);
        var schedule = new TeamSchedule(team.Id, ScheduleCadence.Fortnightly, DayOfWeek.Sunday, new TimeOnly(2, 30), "Europe/Berlin", 5, true, new DateOnly(2027, 3, 15), 2);
        yield return ("schedule-suggested", ScheduleCard.Build(team, ScheduleRules.Defaults("Australia/Lord_Howe"), hasSchedule: false));
        yield return ("schedule-current", ScheduleCard.Build(team with { Name = null }, ScheduleInput.Of(schedule with { TimeZoneId = "America/Bogota" }), hasSchedule: true));
        yield return ("schedule-refused", ScheduleCard.Build(team, new ScheduleInput("Weekly", "Friday", "9am", "Mars/Olympus_Mons", "8", false), hasSchedule: true,
            ["Please write the time as hours and minutes on a 24-hour clock (HH:mm), e.g. 09:00 or 14:30.", "That time zone isn't one I know. Please pick one from the list, or type its IANA name, e.g. Europe/Berlin or America/New_York."]));
        yield return ("schedule-saved", ScheduleCard.BuildSaved(team, schedule, ScheduleCalendar.NextRuns(schedule, new DateTimeOffset(2027, 3, 20, 0, 0, 0, TimeSpan.Zero), 3)));
        yield return ("schedule-off", ScheduleCard.BuildSaved(team, schedule with { Cadence = ScheduleCadence.Off }, []));
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
