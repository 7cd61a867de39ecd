using Azure.Data.Tables;
using TrustBot.Domain.Pulse;

namespace TrustBot.Storage.Pulse;

/// <summary>
/// A <see cref="PulseRollup"/> is the row <see cref="PulseRowKeys.Rollup"/> of the team's partition in
/// <c>PulseRuns</c>, beside its run so that closing is one transaction. The counts are properties of
/// their own (readable in Storage Explorer); the statistics are one JSON property, always read whole.
/// </summary>
/// <remarks>
/// Size: one <see cref="ScoreStats"/> is about 100 characters of JSON, so even 50 items and 10
/// factors stay under 8 KB, far below the 32,768 characters of a string property (checked by
/// <see cref="StringProperty"/>) and the 1 MiB of an entity.
/// </remarks>
internal sealed class PulseRollupMapper : IEntityMapper<PulseRollup>
{
    private const string Results = "Results";

    public TableEntity ToEntity(PulseRollup record) => new(TableKey.Encode(record.TeamId), PulseRowKeys.Rollup(record.RunId))
    {
        [nameof(PulseRollup.OpensAt)] = record.OpensAt,
        [nameof(PulseRollup.ClosedAt)] = record.ClosedAt,
        [nameof(PulseRollup.Invited)] = record.Invited,
        [nameof(PulseRollup.Responded)] = record.Responded,
        [nameof(PulseRollup.AnonymityThreshold)] = record.AnonymityThreshold,
        [Results] = StringProperty.ToJson(
            new RollupResults(record.Items, record.Factors, record.Overall, record.HelpedPicks, record.HurtPicks), Results),
    };

    public PulseRollup FromEntity(TableEntity entity)
    {
        var results = entity.FromJson<RollupResults>(Results);
        return new PulseRollup(
            TableKey.Decode(entity.PartitionKey),
            PulseRowKeys.LastPart(entity.RowKey),
            entity.RequiredDateTimeOffset(nameof(PulseRollup.OpensAt)),
            entity.RequiredDateTimeOffset(nameof(PulseRollup.ClosedAt)),
            entity.RequiredInt32(nameof(PulseRollup.Invited)),
            entity.RequiredInt32(nameof(PulseRollup.Responded)),
            entity.RequiredInt32(nameof(PulseRollup.AnonymityThreshold)),
            results.Items,
            results.Factors,
            results.Overall,
            results.HelpedPicks,
            results.HurtPicks);
    }

    private sealed record RollupResults(
        IReadOnlyDictionary<string, ScoreStats> Items,
        IReadOnlyDictionary<string, ScoreStats> Factors,
        ScoreStats Overall,
        IReadOnlyDictionary<string, int> HelpedPicks,
        IReadOnlyDictionary<string, int> HurtPicks);
}
