namespace TrustBot.Domain.Recovery;

/// <summary>The subject of a recovery nudge job or delivery: which incident, which step.</summary>
public static class RecoveryNudges
{
    /// <summary>The subject for the step of the incident, e.g. <c>inc-…|RecoveryPulse</c>.</summary>
    public static string Subject(string incidentId, RecoveryStep step) => $"{incidentId}|{step}";

    /// <summary>The incident and step a subject names, or null when it names none.</summary>
    public static (string IncidentId, RecoveryStep Step)? Parse(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var bar = subject.LastIndexOf('|');
        return bar > 0 && Enum.TryParse<RecoveryStep>(subject[(bar + 1)..], out var step) && Enum.IsDefined(step)
            ? (subject[..bar], step)
            : null;
    }
}
