using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using TrustBot.Domain.Recovery;

using TrustBot.Storage.Summary;

namespace TrustBot.Storage.Recovery;

/// <summary>
/// <see cref="IIncidentStore"/> over the table <c>Incidents</c>: partition = team, row = the incident's
/// id, which sorts newest first, so a team's list is one range scan and another team's incident is
/// simply not found. An incident a tool sent with an external id also has an index row in the same
/// partition (row <c>ext-{SHA-256 of the external id}</c>, naming the incident), written in one
/// transaction with it: the index row's key is what makes an external id unique. See docs/storage.md.
/// </summary>
public sealed class TableIncidentStore : IIncidentStore
{
    internal const string IncidentsTable = "Incidents";

    // Sorts before IncidentIds.Prefix, so index rows never show in a team's list of incidents.
    private const string ExternalIdRowPrefix = "ext-";
    private const string IncidentIdProperty = "IncidentId";

    private readonly StorageTable _table;
    private readonly IncidentMapper _mapper = new();
    private readonly RecordTable<Incident> _incidents;
    private readonly SummaryStamps _stamps;

    /// <summary>Uses the registered <c>Incidents</c> table.</summary>
    public TableIncidentStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(IncidentsTable);
        _stamps = new SummaryStamps(tables);
        _incidents = new RecordTable<Incident>(_table, _mapper);
    }

    /// <inheritdoc />
    /// <remarks>
    /// An insert: ids are fresh, so an existing row can only be this very write, retried after its
    /// response was lost, and counts as done. With an external id, the incident and its index row go
    /// in one entity group transaction: either both are stored or, when the index row exists, neither.
    /// </remarks>
    public async Task<Incident> AddAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (!IncidentIds.IsWellFormed(incident.Id))
        {
            throw new ArgumentException($"'{incident.Id}' is not an incident id; make one with IncidentIds.New.", nameof(incident));
        }

        if (incident.ExternalId is not { } externalId)
        {
            await _incidents.InsertUnlessPresentAsync(incident, "an incident", cancellationToken).ConfigureAwait(false);
            await _stamps.ChangeAsync(incident.TeamId, cancellationToken).ConfigureAwait(false);
            return incident;
        }

        var index = new TableEntity(TableKey.Encode(incident.TeamId), ExternalIdRow(externalId)) { [IncidentIdProperty] = incident.Id };
        var written = await _table.SubmitBatchAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, _mapper.ToEntity(incident)), new TableTransactionAction(TableTransactionActionType.Add, index)],
            cancellationToken).ConfigureAwait(false);
        if (written.Succeeded)
        {
            await _stamps.ChangeAsync(incident.TeamId, cancellationToken).ConfigureAwait(false);
            return incident;
        }

        // Another request (or this one, retried) stored the external id first: that incident is the one.
        return written.Conflict is { Kind: StorageConflictKind.AlreadyExists }
            && await FindByExternalIdAsync(incident.TeamId, externalId, cancellationToken).ConfigureAwait(false) is { } stored
            ? stored
            : throw new InvalidOperationException(
                $"Storing incident {incident.Id} of team {incident.TeamId} failed ({(object?)written.Conflict ?? written.Error?.Message}).", written.Error);
    }

    /// <inheritdoc />
    public async Task<Incident?> GetAsync(string teamId, string incidentId, CancellationToken cancellationToken) =>
        (await _incidents.GetAsync(TableKey.Encode(teamId), TableKey.Encode(incidentId), cancellationToken).ConfigureAwait(false))?.Value;

    /// <inheritdoc />
    /// <remarks>Two point reads: the external id's index row, then the incident it names.</remarks>
    public async Task<Incident?> FindByExternalIdAsync(string teamId, string externalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        var index = await _table.GetAsync(TableKey.Encode(teamId), ExternalIdRow(externalId), cancellationToken).ConfigureAwait(false);
        return index?.GetString(IncidentIdProperty) is { } incidentId
            ? await GetAsync(teamId, incidentId, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Incident>> GetAllAsync(string teamId, CancellationToken cancellationToken) =>
        await _incidents.QueryPartitionAsync(TableKey.Encode(teamId), IncidentIds.Prefix, cancellationToken: cancellationToken)
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
        if (!written.Succeeded)
        {
            return null;
        }

        await _stamps.ChangeAsync(teamId, cancellationToken).ConfigureAwait(false);
        return changed;
    }

    // A digest: an external id is any text a tool chose, and row keys may not hold every character.
    private static string ExternalIdRow(string externalId) =>
        ExternalIdRowPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(externalId)));
}
