using Azure.Data.Tables;

namespace TrustBot.Storage.Pulse;

/// <summary>
/// The team's claim that a run is open: the row <see cref="PulseRowKeys.OpenRun"/> in <c>PulseRuns</c>.
/// Inserted with the run and deleted in the transaction that closes it, so two starts cannot both win.
/// </summary>
/// <param name="TeamId">The team.</param>
/// <param name="RunId">The open run.</param>
internal sealed record OpenRun(string TeamId, string RunId);

/// <summary>Maps <see cref="OpenRun"/>.</summary>
internal sealed class OpenRunMapper : IEntityMapper<OpenRun>
{
    public TableEntity ToEntity(OpenRun record) => new(TableKey.Encode(record.TeamId), PulseRowKeys.OpenRun)
    {
        [nameof(OpenRun.RunId)] = record.RunId,
    };

    public OpenRun FromEntity(TableEntity entity) =>
        new(TableKey.Decode(entity.PartitionKey), entity.RequiredString(nameof(OpenRun.RunId)));
}
