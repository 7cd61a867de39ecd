namespace TrustBot.Domain.Observations;

/// <summary>
/// What a lead saw or heard about the team's trust, outside the pulse: the framework's other two
/// diagnostic tools. Only the team's leads ever read it; the factor scoring weighs it beside the
/// pulse's helped/hurt picks.
/// </summary>
/// <param name="TeamId">The team it is about.</param>
/// <param name="Id">Its id (<see cref="ObservationIds"/>): the team's latest observations sort first.</param>
/// <param name="Kind">An interview or a GoSee.</param>
/// <param name="Text">What was seen or heard, at most <see cref="ObservationRules.MaxTextLength"/> characters.</param>
/// <param name="FactorIds">The trust factors it bears on (<see cref="Pulse.TrustFactors"/> ids), one to <see cref="ObservationRules.MaxFactors"/>.</param>
/// <param name="Effect">Whether it helps or hurts trust, or neither.</param>
/// <param name="ObservedOn">The day it was seen or heard (the lead's calendar day; never in the future).</param>
/// <param name="LoggedAt">When the lead logged it.</param>
/// <param name="LoggedBy">The lead who logged it (their member id).</param>
public sealed record Observation(
    string TeamId,
    string Id,
    ObservationKind Kind,
    string Text,
    IReadOnlyList<string> FactorIds,
    ObservationEffect Effect,
    DateOnly ObservedOn,
    DateTimeOffset LoggedAt,
    string LoggedBy);

/// <summary>How the lead came by an observation.</summary>
public enum ObservationKind
{
    /// <summary>A conversation with a member, one to one.</summary>
    Interview,

    /// <summary>Going to see the work where it happens and watching how people work together.</summary>
    GoSee,
}

/// <summary>What an observation says about trust.</summary>
public enum ObservationEffect
{
    /// <summary>It builds trust.</summary>
    Helps,

    /// <summary>It erodes trust.</summary>
    Hurts,

    /// <summary>Worth noting, but neither builds nor erodes trust.</summary>
    Neutral,
}
