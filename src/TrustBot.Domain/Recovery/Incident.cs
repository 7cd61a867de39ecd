namespace TrustBot.Domain.Recovery;

/// <summary>
/// Something that cost the team trust: an outage, a missed commitment, a conflict. Declared by a
/// lead (active at once), by a member or an incident tool (waiting for a lead to accept or dismiss
/// it); accepting starts its recovery plan, closing stops it.
/// </summary>
/// <param name="TeamId">The team.</param>
/// <param name="Id">Unique within the team; see <see cref="IncidentIds"/>.</param>
/// <param name="Title">A short name (at most <see cref="IncidentRules.MaxTitleLength"/> characters).</param>
/// <param name="WhatHappened">What happened, in plain words (at most <see cref="IncidentRules.MaxDescriptionLength"/>).</param>
/// <param name="Severity">How bad it was.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="FactorIds">The trust factors it hit (ids of <c>TrustFactors</c>), at least one.</param>
/// <param name="Visibility">Whether the whole team hears about it, or only the leads.</param>
/// <param name="Source">Who declared it.</param>
/// <param name="DeclaredBy">The declaring member's id (null for an incident tool).</param>
/// <param name="DeclaredByName">Their display name, for the leads' card.</param>
/// <param name="DeclaredAt">When it was declared.</param>
/// <param name="State">Where it stands.</param>
/// <param name="AcceptedAt">When its recovery plan started.</param>
/// <param name="ClosedAt">When it was dismissed or its plan closed.</param>
/// <param name="Plan">The steps of its recovery plan, chosen when it was accepted.</param>
/// <param name="ExternalId">The incident tool's own id, so a tool that sends the same incident twice creates it once.</param>
public sealed record Incident(
    string TeamId,
    string Id,
    string Title,
    string WhatHappened,
    IncidentSeverity Severity,
    DateTimeOffset OccurredAt,
    IReadOnlyList<string> FactorIds,
    IncidentVisibility Visibility,
    IncidentSource Source,
    string? DeclaredBy,
    string? DeclaredByName,
    DateTimeOffset DeclaredAt,
    IncidentState State,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<RecoveryStep> Plan,
    string? ExternalId);

/// <summary>How bad an incident was.</summary>
public enum IncidentSeverity
{
    /// <summary>A small dent: noticed, quickly mended.</summary>
    Minor,

    /// <summary>Felt by the whole team.</summary>
    Major,

    /// <summary>Shook the team's trust in a way that needs deliberate repair.</summary>
    Critical,
}

/// <summary>Who hears about an incident.</summary>
public enum IncidentVisibility
{
    /// <summary>The whole team: nudges meant for everyone go to the channel.</summary>
    Team,

    /// <summary>Only the leads: what would go to the channel goes to each lead 1:1, and the recovery pulse names no incident.</summary>
    LeadsOnly,
}

/// <summary>Who declared an incident.</summary>
public enum IncidentSource
{
    /// <summary>A lead; the incident is active at once.</summary>
    Lead,

    /// <summary>A member; the leads accept or dismiss it.</summary>
    Member,

    /// <summary>An incident tool through the webhook; the leads accept or dismiss it.</summary>
    Webhook,
}

/// <summary>Where an incident stands.</summary>
public enum IncidentState
{
    /// <summary>Declared by a member or a tool; a lead has not decided yet.</summary>
    AwaitingLead,

    /// <summary>Accepted: its recovery plan runs.</summary>
    Active,

    /// <summary>A lead decided it is not a trust incident.</summary>
    Dismissed,

    /// <summary>A lead closed its recovery plan; no more nudges.</summary>
    Closed,
}

/// <summary>The steps of a recovery plan, in the order they come.</summary>
public enum RecoveryStep
{
    /// <summary>T+0, to the channel: acknowledge it, name it, blameless framing.</summary>
    Acknowledge,

    /// <summary>T+1 day, to the leads: hold a retrospective (with a short guide) and record its actions.</summary>
    Retrospective,

    /// <summary>T+3 days, to the members: a short recovery pulse on the factors it hit.</summary>
    RecoveryPulse,

    /// <summary>T+7 days, to the channel: progress on the incident's actions.</summary>
    ActionProgress,

    /// <summary>T+14 days, to the leads: trust against the pre-incident baseline; close the plan or keep going.</summary>
    BaselineReview,
}
