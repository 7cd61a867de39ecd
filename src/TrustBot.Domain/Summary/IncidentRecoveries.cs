using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;

namespace TrustBot.Domain.Summary;

/// <summary>
/// An active incident as the summary shows it: how long its recovery has run, where its plan
/// stands, and whether the factors it hit are back at their pre-incident baseline.
/// </summary>
/// <param name="Incident">The incident, active (its plan running).</param>
/// <param name="DaysSinceAccepted">Whole days since its plan started.</param>
/// <param name="StepsDone">Steps of its plan already due (each is sent when it falls due).</param>
/// <param name="NextStep">The next step of its plan, or null when every step is done.</param>
/// <param name="NextStepAt">When the next step is due, or null when every step is done.</param>
/// <param name="Recovery">The factors it hit, before and now, as <see cref="RecoveryComparison.Of"/> compares them.</param>
public sealed record IncidentRecovery(
    Incident Incident,
    int DaysSinceAccepted,
    int StepsDone,
    RecoveryStep? NextStep,
    DateTimeOffset? NextStepAt,
    RecoveryComparison Recovery)
{
    /// <summary>How many steps its plan has.</summary>
    public int StepCount => Incident.Plan.Count;

    /// <summary>
    /// The factors it hit whose score before and now can both be shown: each from one view at least
    /// its own k answered, so a factor fewer people scored on either side is left out.
    /// </summary>
    public IReadOnlyList<FactorComparison> ComparedFactors => [.. Recovery.Factors.Where(factor => factor.IsComparable)];

    /// <summary>Whether any factor can be compared, and if not, what is missing.</summary>
    public RecoveryStanding Standing =>
        ComparedFactors.Count > 0 ? RecoveryStanding.Compared
        : Recovery.Factors.Any(factor => factor.Before is not null) ? RecoveryStanding.NothingSinceYet
        : RecoveryStanding.NoBaseline;

    /// <summary>Whether the whole team may see it (in the channel); a leads-only incident is for the leads' own view.</summary>
    public bool IsForWholeTeam => Incident.Visibility == IncidentVisibility.Team;
}

/// <summary>How far the recovery of an incident's factors can be judged.</summary>
public enum RecoveryStanding
{
    /// <summary>At least one factor it hit has a score before and now: see <see cref="IncidentRecovery.ComparedFactors"/>.</summary>
    Compared,

    /// <summary>No pulse before the incident scored the factors it hit with enough answers: there is no baseline.</summary>
    NoBaseline,

    /// <summary>There is a baseline, but no pulse since the incident has scored those factors with enough answers yet.</summary>
    NothingSinceYet,
}

/// <summary>Works out <see cref="IncidentRecovery"/> for a team's active incidents.</summary>
public static class IncidentRecoveries
{
    /// <summary>
    /// The team's active incidents, most recently accepted first, with their plan's progress and
    /// the recovery of the factors they hit. Incidents awaiting a lead, dismissed or closed are left out.
    /// </summary>
    /// <param name="incidents">The team's incidents.</param>
    /// <param name="rollupsOldestFirst">The team's closed runs the summary read, oldest first; only the views among them are compared.</param>
    /// <param name="now">The current time.</param>
    public static IReadOnlyList<IncidentRecovery> Of(IReadOnlyList<Incident> incidents, IReadOnlyList<PulseRollup> rollupsOldestFirst, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(rollupsOldestFirst);
        return [.. incidents
            .Where(incident => incident is { State: IncidentState.Active, AcceptedAt: not null })
            .OrderByDescending(incident => incident.AcceptedAt)
            .Select(incident => RecoveryOf(incident, incident.AcceptedAt!.Value, rollupsOldestFirst, now))];
    }

    private static IncidentRecovery RecoveryOf(Incident incident, DateTimeOffset acceptedAt, IReadOnlyList<PulseRollup> rollupsOldestFirst, DateTimeOffset now)
    {
        var steps = incident.Plan.OrderBy(RecoveryPlan.OffsetOf).ToList();
        var toCome = steps.Where(step => RecoveryPlan.DueAt(acceptedAt, step) > now).ToList();
        var next = toCome.Count > 0 ? toCome[0] : (RecoveryStep?)null;
        return new IncidentRecovery(
            incident,
            Math.Max(0, (int)Math.Floor((now - acceptedAt).TotalDays)),
            steps.Count - toCome.Count,
            next,
            next is { } step ? RecoveryPlan.DueAt(acceptedAt, step) : null,
            RecoveryComparison.Of(rollupsOldestFirst, incident.OccurredAt, incident.FactorIds));
    }
}
