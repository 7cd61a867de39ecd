namespace TrustBot.Domain.Observations;

/// <summary>What a lead fills in on the observation card, before it is checked (<see cref="ObservationRules"/>) and stored.</summary>
/// <param name="Kind">An interview or a GoSee.</param>
/// <param name="Text">What was seen or heard.</param>
/// <param name="FactorIds">The factor ids picked.</param>
/// <param name="Effect">Helps, hurts or neutral.</param>
/// <param name="ObservedOn">The day it was seen or heard.</param>
public sealed record ObservationEntry(
    ObservationKind Kind,
    string Text,
    IReadOnlyList<string> FactorIds,
    ObservationEffect Effect,
    DateOnly ObservedOn)
{
    /// <summary>The observation to store, logged now by the lead.</summary>
    /// <param name="teamId">The team, as checked against the lead's stored role.</param>
    /// <param name="loggedBy">The lead's member id.</param>
    /// <param name="loggedAt">The current time.</param>
    /// <param name="entropy">A fresh GUID for the id.</param>
    public Observation ToObservation(string teamId, string loggedBy, DateTimeOffset loggedAt, Guid entropy) =>
        new(teamId, ObservationIds.New(loggedAt, entropy), Kind, Text, FactorIds, Effect, ObservedOn, loggedAt, loggedBy);
}
