using TrustBot.Cards;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;

namespace TrustBot.Recovery.Nudges;

/// <summary>How an incident and its recovery plan read on the nudge cards, so every step says it the same way.</summary>
public static class RecoveryNudgeView
{
    // What rebuilds trust after a breach of each factor.
    private static readonly Dictionary<string, string> Repairs = new(StringComparer.Ordinal)
    {
        [TrustFactors.Reliability.Id] = "keep the next commitments small and visible, and say early when one slips.",
        [TrustFactors.Competence.Id] = "own the mistake and show the concrete fix: what changes in how the work is done.",
        [TrustFactors.Openness.Id] = "share what we know, and what we don't know yet, as soon as we know it.",
        [TrustFactors.Care.Id] = "check in with the people it affected most, and make room to talk about it.",
        [TrustFactors.Integrity.Id] = "words alone won't mend this; show a visible change to the rules or safeguards we work by.",
        [TrustFactors.PsychologicalSafety.Id] = "thank the people who speak up about it, and keep the focus on the work, not on people.",
    };

    /// <summary>The blameless framing every nudge about the incident carries.</summary>
    public const string BlamelessFraming =
        "We look at what happened and how we work, not at who to blame. Everyone acted on what they knew at the time; " +
        "what we want to learn is what made it hard, and what we change so it goes better next time.";

    /// <summary>
    /// A section on what rebuilds trust after a breach of each factor the incident hit. Repair
    /// depends on the kind of breach (Kim et al., 2004 and 2006): after a competence failure an
    /// apology with a concrete fix works best; after an integrity failure words alone can backfire,
    /// and the repair must show changed rules or safeguards.
    /// </summary>
    /// <param name="incident">The incident.</param>
    /// <param name="heading">The section's heading.</param>
    /// <returns>The section, or nothing when the incident names no known factor.</returns>
    public static IReadOnlyList<CardElement> WhatRebuildsTrust(Incident incident, string heading)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var repairs = incident.FactorIds.Distinct(StringComparer.Ordinal).Select(RepairFor).OfType<string>().ToList();
        return repairs.Count == 0 ? [] : [Section(heading), .. repairs.Select(repair => new TextBlock($"• {repair}") { Spacing = Spacing.Small })];
    }

    /// <summary>A "what happens next" section: the plan's steps after <paramref name="after"/>, each with its date.</summary>
    /// <param name="incident">The accepted incident.</param>
    /// <param name="after">The step the card is for.</param>
    /// <returns>The section, or nothing when no step is left.</returns>
    public static IReadOnlyList<CardElement> WhatHappensNext(Incident incident, RecoveryStep after)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var next = incident.Plan.Where(step => step > after).Order().ToList();
        return incident.AcceptedAt is not { } acceptedAt || next.Count == 0
            ? []
            :
            [
                Section("What happens next"),
                .. next.Select(step => new TextBlock($"• {CardText.LocalDateTime(RecoveryPlan.DueAt(acceptedAt, step))}: {Describe(step, incident.Visibility)}") { Spacing = Spacing.Small }),
            ];
    }

    /// <summary>A section heading inside a card.</summary>
    public static TextBlock Section(string text) => new(text) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium };

    private static string Describe(RecoveryStep step, IncidentVisibility visibility) => step switch
    {
        RecoveryStep.Acknowledge => "the team hears about it",
        RecoveryStep.Retrospective => "the leads hold a short, blameless retrospective and record what we change",
        RecoveryStep.RecoveryPulse => "everyone gets a short anonymous check-in on how trust is doing",
        RecoveryStep.ActionProgress => visibility == IncidentVisibility.Team
            ? "the team sees how the actions from the retrospective are going"
            : "the leads see how the actions from the retrospective are going",
        RecoveryStep.BaselineReview => "the leads compare trust with how it was before, and close the plan or keep going",
        _ => step.ToString(),
    };

    private static string? RepairFor(string factorId) =>
        TrustFactors.Find(factorId) is { } factor && Repairs.TryGetValue(factor.Id, out var repair) ? $"{factor.Name}: {repair}" : null;
}
