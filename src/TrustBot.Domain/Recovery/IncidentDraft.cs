namespace TrustBot.Domain.Recovery;

/// <summary>An incident as someone describes it, before it is checked and stored.</summary>
/// <param name="Title">A short name.</param>
/// <param name="WhatHappened">What happened.</param>
/// <param name="Severity">How bad it was.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="FactorIds">The trust factors it hit.</param>
/// <param name="Visibility">Whole team or leads only.</param>
/// <param name="ExternalId">An incident tool's own id, when it came through the webhook.</param>
public sealed record IncidentDraft(
    string Title,
    string WhatHappened,
    IncidentSeverity Severity,
    DateTimeOffset OccurredAt,
    IReadOnlyList<string> FactorIds,
    IncidentVisibility Visibility,
    string? ExternalId = null);
