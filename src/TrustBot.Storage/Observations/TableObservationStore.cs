using TrustBot.Domain.Observations;

using TrustBot.Storage.Summary;

namespace TrustBot.Storage.Observations;

/// <summary>
/// <see cref="IObservationStore"/> over the table <c>Observations</c>: partition = team, row = the
/// observation's id, which sorts newest first, so the recent list is a single-partition range scan
/// that stops after the rows it needs. See docs/storage.md.
/// </summary>
public sealed class TableObservationStore : IObservationStore
{
    internal const string ObservationsTable = "Observations";

    private readonly RecordTable<Observation> _observations;
    private readonly SummaryStamps _stamps;

    /// <summary>Uses the registered <c>Observations</c> table.</summary>
    public TableObservationStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _observations = new RecordTable<Observation>(tables.Get(ObservationsTable), new ObservationMapper());
        _stamps = new SummaryStamps(tables);
    }

    /// <inheritdoc />
    /// <remarks>
    /// An insert: ids are fresh, so an existing row can only be this very write, retried after its
    /// response was lost, and counts as done.
    /// </remarks>
    public async Task SaveAsync(Observation observation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (!ObservationIds.IsWellFormed(observation.Id))
        {
            throw new ArgumentException($"'{observation.Id}' is not an observation id; make one with ObservationIds.New.", nameof(observation));
        }

        await _observations.InsertUnlessPresentAsync(observation, "an observation", cancellationToken).ConfigureAwait(false);
        await _stamps.ChangeAsync(observation.TeamId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Observation>> GetRecentAsync(string teamId, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return await _observations.QueryPartitionAsync(TableKey.Encode(teamId), cancellationToken: cancellationToken)
            .Take(count)
            .Select(stored => stored.Value)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }
}
