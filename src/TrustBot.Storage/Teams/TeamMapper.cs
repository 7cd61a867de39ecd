using Azure.Data.Tables;
using TrustBot.Domain.Teams;

namespace TrustBot.Storage.Teams;

/// <summary>A <see cref="Team"/> is the one row <see cref="RowKey"/> of the team's partition in <c>Teams</c>.</summary>
internal sealed class TeamMapper : IEntityMapper<Team>
{
    /// <summary>The row key of the team's row.</summary>
    public const string RowKey = "team";

    /// <summary>
    /// When the bot was removed from the team, on a row kept for the retention window; absent while
    /// installed. The mapper never writes it, so saving the team (a reinstall) clears it.
    /// </summary>
    public const string UninstalledAtProperty = "UninstalledAt";

    public TableEntity ToEntity(Team record) => new(TableKey.Encode(record.Id), RowKey)
    {
        [nameof(Team.TenantId)] = record.TenantId,
        [nameof(Team.Name)] = record.Name,
        [nameof(Team.Kind)] = record.Kind.ToString(),
        [nameof(Team.ConversationId)] = record.ConversationId,
        [nameof(Team.ServiceUrl)] = record.ServiceUrl,
        [nameof(Team.InstalledAt)] = record.InstalledAt,
    };

    public Team FromEntity(TableEntity entity) => new(
        TableKey.Decode(entity.PartitionKey),
        entity.RequiredString(nameof(Team.TenantId)),
        entity.GetString(nameof(Team.Name)),
        entity.RequiredEnum<TeamKind>(nameof(Team.Kind)),
        entity.RequiredString(nameof(Team.ConversationId)),
        entity.RequiredString(nameof(Team.ServiceUrl)),
        entity.RequiredDateTimeOffset(nameof(Team.InstalledAt)))
    {
        SummaryStamp = entity.GetString(Summary.SummaryStamps.Property),
    };
}
