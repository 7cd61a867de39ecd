using TrustBot.Cards;
using TrustBot.Definition;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;
using TrustBot.Domain.Teams;
using TrustBot.Pulse;
using TrustBot.Summary;
using TrustBot.Teams;

namespace TrustBot.Tests.Cards;

/// <summary>The charter in use, structural factors and team changes, with realistic data, for the card contract test.</summary>
public static class CharterAndTeamChangeSampleCards
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var team = new Team("19:contoso@thread.tacv2", "tenant", "Contoso", TeamKind.Team, "19:contoso@thread.tacv2", "https://smba.example/", now);
        var charter = new TrustCharter(team.Id, 2, ["We say early when something is going wrong.", "Nobody is blamed for an honest mistake."], now.AddDays(-20), "Lynne Robbins");
        yield return ("charter-welcome", CharterWelcomeCard.Build(team, charter));
        yield return ("charter-welcome-unnamed-team", CharterWelcomeCard.Build(team with { Name = null }, charter));

        var leadChange = new TeamChangeAssessment(0, 0, 0, 8, 1, now.AddDays(-2));
        var turnover = new TeamChangeAssessment(2, 1, 3, 9, 0, null);
        yield return ("team-check-in-lead-change", TeamCheckInCard.Build(team, leadChange));
        yield return ("team-check-in-turnover-and-leads", TeamCheckInCard.Build(team with { Name = null }, turnover with { LeadChanges = 2 }));

        // A pulse of a team with a charter, and a closed one that also asked two structural items.
        var bank = QuestionBank.BuiltIn;
        var open = new PulseRun(team.Id, PulseRunIds.New(now, Guid.Empty), PulseItemSelector.Select(bank, [], hasCharter: true), now, now.AddDays(3), PulseRunState.Open, 3, 8);
        var closed = open with { ItemIds = ["leadership.1", "assessment.2", .. open.ItemIds], State = PulseRunState.Closed };
        PulseAnswer[] answers = [Answer(closed, 4), Answer(closed, 3), Answer(closed, 5)];
        var rollup = PulseRollups.Compute(closed, answers, bank, now.AddDays(3));
        var report = new SummaryReport(TeamSummaries.Build([rollup], []), [], CharterFirstStatement: charter.Statements[0]) { TeamChanges = turnover };
        yield return ("pulse-with-charter-item", PulseCard.Build(open, bank, "Contoso"));
        yield return ("summary-lead-with-structure-and-team-changes", SummaryCard.Build(team.Id, team.Name, report, forLead: true));
        yield return ("summary-nothing-yet-with-team-changes", SummaryCard.Build(team.Id, team.Name, new SummaryReport(TeamSummaries.Build([], []), []) { TeamChanges = leadChange }, forLead: false));
        yield return ("factors-with-structure", FactorsCard.Build(team.Name, report.Summary));
    }

    private static PulseAnswer Answer(PulseRun run, int point) => new(run.ItemIds.ToDictionary(id => id, _ => point), ["care"], ["reliability"]);
}
