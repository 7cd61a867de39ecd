using Azure.Data.Tables;
using TrustBot.Domain.Teams;

namespace TrustBot.Storage.Teams;

/// <summary>
/// A <see cref="Membership"/> lives in the member's partition (row = team), so "every team of this
/// person" is one partition scan; it carries the member's id as <see cref="TableRegistration.MemberKeyProperty"/>.
/// </summary>
internal sealed class MembershipMapper : IEntityMapper<Membership>
{
    public TableEntity ToEntity(Membership record) => new(TableKey.Encode(record.MemberId), TableKey.Encode(record.TeamId))
    {
        [nameof(Membership.Role)] = record.Role.ToString(),
        [nameof(Membership.Name)] = record.Name,
        [TableRegistration.MemberKeyProperty] = record.MemberId,
    };

    public Membership FromEntity(TableEntity entity) => new(
        TableKey.Decode(entity.PartitionKey),
        TableKey.Decode(entity.RowKey),
        entity.RequiredEnum<TeamRole>(nameof(Membership.Role)),
        entity.GetString(nameof(Membership.Name)));
}
