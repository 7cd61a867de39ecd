using TrustBot.Cards;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;
using TrustBot.Recovery.Incidents;

namespace TrustBot.Tests.Cards;

/// <summary>Stage 5's Incident cards with realistic data, for the card contract test.</summary>
public static class IncidentSampleCards
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var team = new Team("19:contoso@thread.tacv2", "tenant", "Contoso", TeamKind.Team, "19:contoso@thread.tacv2", "https://smba.example/emea/", now.AddMonths(-3));
        var draft = new IncidentDraft(
            "Release slipped without telling support",
            "We promised support the release for Friday. It slipped to Tuesday and nobody told them; customers found out first.",
            IncidentSeverity.Major,
            now.AddDays(-1),
            ["reliability", "openness"],
            IncidentVisibility.Team);
        var awaiting = IncidentRules.Declare(draft, team.Id, IncidentSource.Member, "aad-megan", "Megan Bowen", now.AddHours(-2), Guid.Empty);
        var fromTool = IncidentRules.Declare(draft with { Title = "PagerDuty: checkout API down 40 minutes", Visibility = IncidentVisibility.LeadsOnly, ExternalId = "PD-4711" },
            team.Id, IncidentSource.Webhook, null, null, now.AddHours(-1), Guid.Empty);
        var active = IncidentRules.Accept(
            IncidentRules.Declare(draft with { Title = "Missed the hand-over to the night shift", OccurredAt = now.AddDays(-6) }, team.Id, IncidentSource.Member, "aad-adele", "Adele Vance", now.AddDays(-5), Guid.Empty),
            RecoveryPlan.AllSteps,
            now.AddDays(-4))!;
        var closed = IncidentRules.Close(IncidentRules.Declare(draft with { Title = "Blame in the incident review", OccurredAt = now.AddDays(-41) }, team.Id, IncidentSource.Lead, "aad-lead", "Lynne Robbins", now.AddDays(-40), Guid.Empty), now.AddDays(-20))!;
        var dismissed = IncidentRules.Dismiss(awaiting with { Title = "Coffee machine broken" }, now.AddDays(-30))!;
        var form = IncidentForm.Blank("Release slipped", now);

        yield return ("incident-form", IncidentCard.Build(team, form));
        yield return ("incident-form-with-problems", IncidentCard.Build(team, form with { Factors = "gossip", OccurredOn = "soon" },
            ["Please pick the trust factors it hit from the list.", "That day isn't one I can read; please pick it from the calendar."]));
        yield return ("incident-lead-awaiting", IncidentLeadCard.Build(team, awaiting, now));
        yield return ("incident-lead-from-tool", IncidentLeadCard.Build(team, fromTool, now));
        yield return ("incident-lead-accepted", IncidentLeadCard.Build(team, active, now, new IncidentNotice("Accepted: its recovery plan starts now.", IsProblem: false)));
        yield return ("incident-lead-dismissed-refusal", IncidentLeadCard.Build(team, dismissed, now, new IncidentNotice("Nothing changed: this incident was already dismissed.", IsProblem: true)));
        IReadOnlyList<Incident> all = [fromTool, awaiting with { Id = IncidentIds.New(now.AddHours(-3), Guid.Empty) }, active, dismissed, closed];
        yield return ("incident-list-leads", IncidentListCard.Build(team, all, IncidentListAudience.Leads, now));
        yield return ("incident-list-team", IncidentListCard.Build(team, all, IncidentListAudience.Team, now, new IncidentNotice("Closed the recovery plan.", IsProblem: false)));
        yield return ("incident-list-empty", IncidentListCard.Build(team, [], IncidentListAudience.Team, now));
    }
}
