using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Summary;

namespace TrustBot.Storage.Summary;

/// <summary>
/// <see cref="IResultsReleaseStore"/> over the table <c>ResultsReleases</c>: partition = team, row =
/// run id. An insert, so of a lead's send and the wait running out only the first is kept.
/// </summary>
public sealed class TableResultsReleaseStore : IResultsReleaseStore
{
    internal const string TableName = "ResultsReleases";

    private readonly RecordTable<ResultsRelease> _releases;

    /// <summary>Uses the registered <c>ResultsReleases</c> table.</summary>
    public TableResultsReleaseStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _releases = new RecordTable<ResultsRelease>(tables.Get(TableName), new Mapper());
    }

    /// <inheritdoc />
    public async Task<(ResultsRelease Stored, bool Added)> TryAddAsync(ResultsRelease release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        var inserted = await _releases.InsertAsync(release, cancellationToken).ConfigureAwait(false);
        if (inserted.Succeeded)
        {
            return (release, true);
        }

        // Taken: by the other path, or by this very insert retried after its response was lost (the same row).
        var stored = await GetAsync(release.TeamId, release.RunId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Unexpected conflict storing the results release of run {release.RunId}: {inserted.Conflict}.");
        return (stored, stored == release);
    }

    /// <inheritdoc />
    public async Task<ResultsRelease?> GetAsync(string teamId, string runId, CancellationToken cancellationToken) =>
        (await _releases.GetAsync(TableKey.Encode(teamId), TableKey.Encode(runId), cancellationToken).ConfigureAwait(false))?.Value;

    private sealed class Mapper : IEntityMapper<ResultsRelease>
    {
        public TableEntity ToEntity(ResultsRelease record) => new(TableKey.Encode(record.TeamId), TableKey.Encode(record.RunId))
        {
            [nameof(ResultsRelease.Line)] = record.Line,
            [nameof(ResultsRelease.ReleasedAt)] = record.ReleasedAt,
        };

        public ResultsRelease FromEntity(TableEntity entity) => new(
            TableKey.Decode(entity.PartitionKey),
            TableKey.Decode(entity.RowKey),
            entity.GetString(nameof(ResultsRelease.Line)),
            entity.RequiredDateTimeOffset(nameof(ResultsRelease.ReleasedAt)));
    }
}
