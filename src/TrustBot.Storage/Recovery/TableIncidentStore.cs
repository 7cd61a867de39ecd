using Azure.Data.Tables;
using TrustBot.Domain.Recovery;

namespace TrustBot.Storage.Recovery;

/// <summary>
/// <see cref="IIncidentStore"/> over the table <c>Incidents</c>: partition = team, row = the incident's
/// id, which sorts newest first, so a team's list is one partition scan and another team's incident is
/// simply not found. See docs/storage.md.
/// </summary>
public sealed class TableIncidentStore : IIncidentStore
{
    internal const string IncidentsTable = "Incidents";

    private readonly StorageTable _table;
    private readonly IncidentMapper _mapper = new();
    private readonly RecordTable<Incident> _incidents;

    /// <summary>Uses the registered <c>Incidents</c> table.</summary>
    public TableIncidentStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(IncidentsTable);
        _incidents = new RecordTable<Incident>(_table, _mapper);
    }

    /// <inheritdoc />
    /// <remarks>
    /// An insert: ids are fresh, so an existing row can only be this very write, retried after its
    /// response was lost, and counts as done.
    /// </remarks>
    public async Task AddAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (!IncidentIds.IsWellFormed(incident.Id))
        {
            throw new ArgumentException($"'{incident.Id}' is not an incident id; make one with IncidentIds.New.", nameof(incident));
        }

        await _incidents.InsertUnlessPresentAsync(incident, "an incident", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Incident?> GetAsync(string teamId, string incidentId, CancellationToken cancellationToken) =>
        (await _incidents.GetAsync(TableKey.Encode(teamId), TableKey.Encode(incidentId), cancellationToken).ConfigureAwait(false))?.Value;

    /// <inheritdoc />
    /// <remarks>
    /// A scan of the team's partition filtered by the service: a team declares a few incidents a year,
    /// so an index of external ids would cost more writes than it saves reads.
    /// </remarks>
    public async Task<Incident?> FindByExternalIdAsync(string teamId, string externalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        // The property name is not a value: only the key and the id go through the quoting of CreateQueryFilter.
        var filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(teamId)}")} and {nameof(Incident.ExternalId)} eq {TableClient.CreateQueryFilter($"{externalId}")}";
        var found = await _table.QueryAsync(filter, cancellationToken: cancellationToken).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return found is null ? null : _mapper.FromEntity(found);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Incident>> GetAllAsync(string teamId, CancellationToken cancellationToken) =>
        await _incidents.QueryPartitionAsync(TableKey.Encode(teamId), cancellationToken: cancellationToken)
            .Select(stored => stored.Value)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>
    /// A lost race is not retried: the other writer moved the incident on (accepted, dismissed or
    /// closed it), so this change was decided on a state that is gone and the caller explains that.
    /// </remarks>
    public async Task<Incident?> UpdateAsync(string teamId, string incidentId, Func<Incident, Incident?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var stored = await _incidents.GetAsync(TableKey.Encode(teamId), TableKey.Encode(incidentId), cancellationToken).ConfigureAwait(false);
        if (stored is null || change(stored.Value) is not { } changed)
        {
            return null;
        }

        if (changed.TeamId != stored.Value.TeamId || changed.Id != stored.Value.Id)
        {
            throw new ArgumentException("A change may not move an incident to another team or id.", nameof(change));
        }

        var written = await _incidents.ReplaceAsync(stored with { Value = changed }, cancellationToken).ConfigureAwait(false);
        return written.Succeeded ? changed : null;
    }
}
