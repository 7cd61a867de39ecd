using System.Globalization;
using TrustBot.Cards;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;

namespace TrustBot.Recovery.Incidents;

/// <summary>How an incident and its recovery plan read on cards, so the form, the leads' card and the list agree.</summary>
public static class IncidentView
{
    /// <summary>The severity as a choice on the form: its name and what it means.</summary>
    public static string SeverityChoice(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Minor => "Minor: a small dent, noticed and quickly mended",
        IncidentSeverity.Major => "Major: felt by the whole team",
        IncidentSeverity.Critical => "Critical: shook the team's trust; it needs deliberate repair",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Not a severity."),
    };

    /// <summary>Who hears about it, as a choice on the form.</summary>
    public static string VisibilityChoice(IncidentVisibility visibility) => visibility switch
    {
        IncidentVisibility.Team => "The whole team: the acknowledgement and the progress go to the channel",
        IncidentVisibility.LeadsOnly => "Leads only: nothing about it is posted to the channel",
        _ => throw new ArgumentOutOfRangeException(nameof(visibility), visibility, "Not a visibility."),
    };

    /// <summary>A step's short name.</summary>
    public static string StepName(RecoveryStep step) => step switch
    {
        RecoveryStep.Acknowledge => "Acknowledge",
        RecoveryStep.Retrospective => "Retrospective",
        RecoveryStep.RecoveryPulse => "Recovery pulse",
        RecoveryStep.ActionProgress => "Action progress",
        RecoveryStep.BaselineReview => "Baseline review",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a recovery step."),
    };

    /// <summary>A step as a choice for a lead: what it does, when and for whom (leads instead of the channel for a leads-only incident).</summary>
    public static string StepChoice(RecoveryStep step, IncidentVisibility visibility)
    {
        var what = step switch
        {
            RecoveryStep.Acknowledge => "acknowledge it, name it, frame it blamelessly",
            RecoveryStep.Retrospective => "prompt to hold a retrospective and record its actions",
            RecoveryStep.RecoveryPulse => "a short check-in on the factors it hit",
            RecoveryStep.ActionProgress => "progress on its action items",
            RecoveryStep.BaselineReview => "trust now against before the incident; close the plan or keep going",
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a recovery step."),
        };
        var offset = RecoveryPlan.OffsetOf(step);
        var when = offset == TimeSpan.Zero ? "at once" : string.Create(CultureInfo.InvariantCulture, $"after {offset.TotalDays:0} day{(offset.TotalDays == 1 ? string.Empty : "s")}");
        var audience = RecoveryPlan.AudienceOf(step) switch
        {
            RecoveryAudience.Channel when visibility == IncidentVisibility.Team => "in the channel",
            RecoveryAudience.Channel or RecoveryAudience.Leads => "to the leads",
            _ => "to each member",
        };
        return $"{StepName(step)} ({when}, {audience}): {what}";
    }

    /// <summary>Where the incident stands, in a few words.</summary>
    public static string State(IncidentState state) => state switch
    {
        IncidentState.AwaitingLead => "Waiting for a lead to accept or dismiss it",
        IncidentState.Active => "Recovery plan running",
        IncidentState.Dismissed => "Dismissed",
        IncidentState.Closed => "Recovery plan closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not an incident state."),
    };

    /// <summary>One line of facts: severity, when it happened, the factors it hit.</summary>
    public static string Facts(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var factors = string.Join(", ", incident.FactorIds.Select(id => TrustFactors.Find(id)?.Name ?? id));
        return $"{incident.Severity} · happened {CardText.LocalDateTime(incident.OccurredAt)} · {factors}";
    }

    /// <summary>Who declared it and when; for a leads-only incident, says so.</summary>
    public static string Declared(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var by = incident.Source == IncidentSource.Webhook ? "an incident tool" : incident.DeclaredByName ?? "a member of the team";
        var leadsOnly = incident.Visibility == IncidentVisibility.LeadsOnly ? " · leads only" : string.Empty;
        return $"Declared by {by}, {CardText.LocalDateTime(incident.DeclaredAt)}{leadsOnly}";
    }

    /// <summary>
    /// The plan's steps, each marked as sent (✓), next (→) or still to come, with when; for a closed
    /// plan, the steps it did not reach are marked as not sent.
    /// </summary>
    /// <param name="incident">An accepted incident (active or closed).</param>
    /// <param name="now">The current time.</param>
    public static IReadOnlyList<TextBlock> Progress(Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.AcceptedAt is not { } acceptedAt)
        {
            return [];
        }

        var until = incident.ClosedAt is { } closedAt && closedAt < now ? closedAt : now;
        var next = incident.State == IncidentState.Active
            ? incident.Plan.Where(step => RecoveryPlan.DueAt(acceptedAt, step) > until).Cast<RecoveryStep?>().FirstOrDefault()
            : null;
        return [.. incident.Plan.Select(step =>
        {
            var due = RecoveryPlan.DueAt(acceptedAt, step);
            var text = due <= until ? $"✓ {StepName(step)}, {CardText.LocalDateTime(due)}"
                : step == next ? $"→ Next: {StepName(step)}, {CardText.LocalDateTime(due)}"
                : incident.State == IncidentState.Active ? $"{StepName(step)}, {CardText.LocalDateTime(due)}"
                : $"{StepName(step)}: not sent, the plan was closed";
            return new TextBlock(text) { Spacing = Spacing.None, IsSubtle = due <= until || incident.State != IncidentState.Active, Weight = step == next ? TextWeight.Bolder : null };
        })];
    }
}
