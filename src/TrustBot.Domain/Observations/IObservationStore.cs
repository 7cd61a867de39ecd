namespace TrustBot.Domain.Observations;

/// <summary>Leads' interview and GoSee observations, kept per team.</summary>
public interface IObservationStore
{
    /// <summary>Stores a new observation (already checked with <see cref="ObservationRules"/>).</summary>
    Task SaveAsync(Observation observation, CancellationToken cancellationToken);

    /// <summary>The team's most recently logged observations, newest first (one partition, range scan).</summary>
    Task<IReadOnlyList<Observation>> GetRecentAsync(string teamId, int count, CancellationToken cancellationToken);
}
