namespace TrustBot.Domain.Recovery;

/// <summary>A team's incidents.</summary>
public interface IIncidentStore
{
    /// <summary>
    /// Stores a new incident; adding the same one again (same id) stores it once. An incident with an
    /// <see cref="Incident.ExternalId"/> is stored only if the team has none with that external id yet,
    /// atomically, so two requests racing with one external id make one incident.
    /// </summary>
    /// <returns>The incident stored: this one, or the team's incident with the same external id stored before.</returns>
    Task<Incident> AddAsync(Incident incident, CancellationToken cancellationToken);

    /// <summary>The incident, or null when the team has none with that id.</summary>
    Task<Incident?> GetAsync(string teamId, string incidentId, CancellationToken cancellationToken);

    /// <summary>The team's incident that an incident tool sent with this external id, or null.</summary>
    Task<Incident?> FindByExternalIdAsync(string teamId, string externalId, CancellationToken cancellationToken);

    /// <summary>Every incident of the team, newest first (one partition).</summary>
    Task<IReadOnlyList<Incident>> GetAllAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored incident if nobody changed it meanwhile
    /// (ETag); returns the stored result, or null when the incident is gone, the change returned
    /// null (refused), or another writer won the race.
    /// </summary>
    Task<Incident?> UpdateAsync(string teamId, string incidentId, Func<Incident, Incident?> change, CancellationToken cancellationToken);
}
