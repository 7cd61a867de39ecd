using Azure.Data.Tables;
using TrustBot.Domain.Pulse;

namespace TrustBot.Storage.Pulse;

/// <summary>A <see cref="PulseRun"/> is the row <see cref="PulseRowKeys.Run"/> of the team's partition in <c>PulseRuns</c>.</summary>
internal sealed class PulseRunMapper : IEntityMapper<PulseRun>
{
    public TableEntity ToEntity(PulseRun record) => new(TableKey.Encode(record.TeamId), PulseRowKeys.Run(record.RunId))
    {
        [nameof(PulseRun.ItemIds)] = StringProperty.ToJson(record.ItemIds, nameof(PulseRun.ItemIds)),
        [nameof(PulseRun.OpensAt)] = record.OpensAt,
        [nameof(PulseRun.ClosesAt)] = record.ClosesAt,
        [nameof(PulseRun.State)] = record.State.ToString(),
        [nameof(PulseRun.AnonymityThreshold)] = record.AnonymityThreshold,
        [nameof(PulseRun.InvitedCount)] = record.InvitedCount,
    };

    public PulseRun FromEntity(TableEntity entity) => new(
        TableKey.Decode(entity.PartitionKey),
        PulseRowKeys.LastPart(entity.RowKey),
        entity.FromJson<List<string>>(nameof(PulseRun.ItemIds)),
        entity.RequiredDateTimeOffset(nameof(PulseRun.OpensAt)),
        entity.RequiredDateTimeOffset(nameof(PulseRun.ClosesAt)),
        entity.RequiredEnum<PulseRunState>(nameof(PulseRun.State)),
        entity.RequiredInt32(nameof(PulseRun.AnonymityThreshold)),
        entity.RequiredInt32(nameof(PulseRun.InvitedCount)));
}
