using TrustBot.Actions;
using TrustBot.Cards;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Summary;
using TrustBot.Domain.Teams;
using TrustBot.Summary;

namespace TrustBot.Tests.Cards;

/// <summary>Stage 5's actions from an incident and incidents in the summary, with realistic data, for the card contract test.</summary>
public static class IncidentLinkSampleCards
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var team = new Team("19:contoso@thread.tacv2", "tenant", "Contoso", TeamKind.Team, "19:contoso@thread.tacv2", "https://smba.example/", now);
        RosterMember[] roster = [new("aad-lynne", "29:1lynne", "Lynne Robbins"), new("aad-megan", "29:1megan", "Megan Bowen")];
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var outage = Incident(team.Id, "Release night outage", IncidentVisibility.Team, now.AddDays(-4));
        var quiet = Incident(team.Id, "Quiet leads-only matter", IncidentVisibility.LeadsOnly, now.AddDays(-1));
        var fromOutage = new ActionDraft("Publish the sign-in runbook", "aad-megan", today.AddDays(5), "openness", outage.Id)
            .ToItem(team.Id, "Megan Bowen", "aad-lynne", now, Guid.NewGuid());

        yield return ("action-add-for-incident", AddActionCard.Build(team, roster, today, ActionForm.Blank("aad-lynne", string.Empty) with { Factor = "openness" }, fromIncident: outage));
        yield return ("actions-from-incident", ActionListCard.Build(team, [fromOutage], new ActionListReader("aad-megan", today, now, roster), incidents: [outage, quiet]));

        // Week 0 before the incidents, week 1 since: reliability below its baseline, openness back.
        var runs = new[] { Rollup(team.Id, now.AddDays(-10), 4), Rollup(team.Id, now.AddDays(-3), 3) };
        var report = new SummaryReport(TeamSummaries.Build([.. runs.Reverse()], []), [])
        {
            Incidents = IncidentRecoveries.Of([outage, quiet], runs, now),
        };
        yield return ("summary-lead-with-incidents", SummaryCard.Build(team.Id, team.Name, report, forLead: true));
        yield return ("summary-team-with-incidents", SummaryCard.Build(team.Id, team.Name, report, forLead: false));
        yield return ("summary-no-pulse-with-incident", SummaryCard.Build(team.Id, team.Name, new SummaryReport(TeamSummaries.Build([], []), [])
        {
            Incidents = IncidentRecoveries.Of([outage], [], now),
        }, forLead: true));
    }

    private static Incident Incident(string teamId, string title, IncidentVisibility visibility, DateTimeOffset acceptedAt) =>
        IncidentRules.Declare(
            new IncidentDraft(title, "The release broke sign-in for two hours.", IncidentSeverity.Major, acceptedAt.AddHours(-2), ["reliability", "openness"], visibility),
            teamId, IncidentSource.Lead, "aad-lynne", "Lynne Robbins", acceptedAt, Guid.NewGuid());

    private static PulseRollup Rollup(string teamId, DateTimeOffset opens, int point)
    {
        var bank = QuestionBank.BuiltIn;
        var run = new PulseRun(teamId, PulseRunIds.New(opens, Guid.NewGuid()), ["reliability.1", "openness.1", bank.Overall.Id], opens, opens.AddDays(3), PulseRunState.Closed, 3, 5);
        var answers = Enumerable.Range(0, 3).Select(_ => new PulseAnswer(new Dictionary<string, int> { ["reliability.1"] = point, ["openness.1"] = 4, [bank.Overall.Id] = point }, [], [])).ToList();
        return PulseRollups.Compute(run, answers, bank, opens.AddDays(3));
    }
}
