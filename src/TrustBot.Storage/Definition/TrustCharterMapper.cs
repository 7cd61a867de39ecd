using System.Globalization;
using Azure.Data.Tables;
using TrustBot.Domain.Definition;
using TrustBot.Storage.Pulse;

namespace TrustBot.Storage.Definition;

/// <summary>
/// A <see cref="TrustCharter"/> version is a row of the team's partition of <c>TrustCharters</c>
/// whose key counts down from <see cref="int.MaxValue"/>, so the newest version is the first row.
/// </summary>
internal sealed class TrustCharterMapper : IEntityMapper<TrustCharter>
{
    public static string RowKeyOf(int version) => (int.MaxValue - version).ToString("D10", CultureInfo.InvariantCulture);

    public TableEntity ToEntity(TrustCharter record) => new(TableKey.Encode(record.TeamId), RowKeyOf(record.Version))
    {
        [nameof(TrustCharter.Version)] = record.Version,
        [nameof(TrustCharter.Statements)] = StringProperty.ToJson(record.Statements, nameof(TrustCharter.Statements)),
        [nameof(TrustCharter.FinalizedAt)] = record.FinalizedAt,
        [nameof(TrustCharter.FinalizedBy)] = record.FinalizedBy,
    };

    public TrustCharter FromEntity(TableEntity entity) => new(
        TableKey.Decode(entity.PartitionKey),
        entity.RequiredInt32(nameof(TrustCharter.Version)),
        entity.FromJson<List<string>>(nameof(TrustCharter.Statements)),
        entity.RequiredDateTimeOffset(nameof(TrustCharter.FinalizedAt)),
        entity.RequiredString(nameof(TrustCharter.FinalizedBy)));
}
