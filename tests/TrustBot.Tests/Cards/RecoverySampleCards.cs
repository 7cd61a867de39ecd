using TrustBot.Cards;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Recovery.Nudges;

namespace TrustBot.Tests.Cards;

/// <summary>Stage 5's recovery nudge cards with realistic data, for the card contract test.</summary>
public static class RecoverySampleCards
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        const string teamId = "19:contoso@thread.tacv2";
        var accepted = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var draft = new IncidentDraft(
            "Release slipped without telling support",
            "We promised support the release for Friday. It slipped to Tuesday and nobody told them; customers found out first.",
            IncidentSeverity.Major,
            accepted.AddDays(-1),
            ["reliability", "openness"],
            IncidentVisibility.Team);
        var incident = IncidentRules.Declare(draft, teamId, IncidentSource.Lead, "aad-lead", "Lynne Robbins", accepted, Guid.Empty);
        var leadsOnly = incident with { Title = "Conflict in the design review", FactorIds = ["safety", "integrity", "care"], Visibility = IncidentVisibility.LeadsOnly };

        yield return ("recovery-acknowledge", AcknowledgeCard.Build(incident));
        yield return ("recovery-acknowledge-leads-only", AcknowledgeCard.Build(leadsOnly));
        yield return ("recovery-retrospective", RetrospectiveCard.Build(incident));

        var bank = QuestionBank.BuiltIn;
        var opened = accepted.AddDays(3);
        var run = new PulseRun(teamId, PulseRunIds.New(opened, Guid.Empty), RecoveryPulseItems.Select(bank, incident.FactorIds), opened, opened.AddDays(3), PulseRunState.Open, 3, 8);
        yield return ("recovery-pulse", RecoveryPulseCard.Build(run, bank, "Contoso", incident));
        yield return ("recovery-pulse-leads-only", RecoveryPulseCard.Build(run, bank, "Contoso", leadsOnly));

        var today = DateOnly.FromDateTime(accepted.AddDays(7).UtcDateTime);
        ActionItem Action(string title, string owner, int dueInDays, DateTimeOffset? completedAt) => new(
            teamId, ActionItemIds.New(accepted.AddDays(1).AddMinutes(dueInDays), Guid.Empty), title, "aad-" + owner, owner, today.AddDays(dueInDays), "reliability",
            "aad-lead", accepted.AddDays(1), completedAt, incident.Id);
        yield return ("recovery-action-progress", ActionProgressCard.Build(incident,
        [
            Action("Tell support about every release date change the same day", "Megan Bowen", -3, accepted.AddDays(5)),
            Action("Add support to the release channel", "Adele Vance", -1, null),
            Action("Write down who announces a slip, and where", "Isaiah Langer", 4, null),
        ], today));
        yield return ("recovery-action-progress-none", ActionProgressCard.Build(incident, [], today));

        var reliability = new FactorComparison(TrustFactors.Reliability, 3.8, 3.9);
        var openness = new FactorComparison(TrustFactors.Openness, 3.6, null);
        yield return ("recovery-baseline-recovered", BaselineReviewCard.Build(incident,
            new RecoveryComparison(RecoveryOutcome.Recovered, new IndexComparison(71.2, 73.9), [reliability, openness]), accepted.AddDays(14)));
        yield return ("recovery-baseline-still-below", BaselineReviewCard.Build(incident,
            new RecoveryComparison(RecoveryOutcome.StillBelow, new IndexComparison(71.2, 64.0), [reliability with { Now = 3.1 }, openness]), accepted.AddDays(14)));
        yield return ("recovery-baseline-no-data", BaselineReviewCard.Build(leadsOnly,
            new RecoveryComparison(RecoveryOutcome.NoComparableData, null, [new FactorComparison(TrustFactors.PsychologicalSafety, null, null)]), accepted.AddDays(21)));
    }
}
