namespace TrustBot.Domain.Recovery;

/// <summary>
/// The default recovery plan: when each step comes after an incident is accepted, and who it is
/// for. A team chooses which steps its incidents get (all by default).
/// </summary>
public static class RecoveryPlan
{
    /// <summary>Every step, in order: the default plan.</summary>
    public static IReadOnlyList<RecoveryStep> AllSteps { get; } = Enum.GetValues<RecoveryStep>();

    /// <summary>How long after acceptance the step comes.</summary>
    public static TimeSpan OffsetOf(RecoveryStep step) => step switch
    {
        RecoveryStep.Acknowledge => TimeSpan.Zero,
        RecoveryStep.Retrospective => TimeSpan.FromDays(1),
        RecoveryStep.RecoveryPulse => TimeSpan.FromDays(3),
        RecoveryStep.ActionProgress => TimeSpan.FromDays(7),
        RecoveryStep.BaselineReview => TimeSpan.FromDays(14),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a recovery step."),
    };

    /// <summary>Who the step speaks to.</summary>
    public static RecoveryAudience AudienceOf(RecoveryStep step) => step switch
    {
        RecoveryStep.Acknowledge or RecoveryStep.ActionProgress => RecoveryAudience.Channel,
        RecoveryStep.Retrospective or RecoveryStep.BaselineReview => RecoveryAudience.Leads,
        RecoveryStep.RecoveryPulse => RecoveryAudience.Members,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a recovery step."),
    };

    /// <summary>When the step of an incident accepted at <paramref name="acceptedAt"/> is due.</summary>
    public static DateTimeOffset DueAt(DateTimeOffset acceptedAt, RecoveryStep step) => acceptedAt + OffsetOf(step);
}

/// <summary>Who a recovery step speaks to.</summary>
public enum RecoveryAudience
{
    /// <summary>The team's channel (each lead 1:1 for a leads-only incident).</summary>
    Channel,

    /// <summary>Each lead, 1:1.</summary>
    Leads,

    /// <summary>Each member, 1:1.</summary>
    Members,
}
