using Azure.Data.Tables;

namespace TrustBot.Storage.Pulse;

/// <summary>
/// That a member was sent a run's card: the row <c>Compose(runId, memberId)</c> in <c>PulseInvitations</c>.
/// It is about the member, so it carries <see cref="TableRegistration.MemberKeyProperty"/>; it says
/// nothing about what (or whether) they answered.
/// </summary>
/// <param name="TeamId">The team.</param>
/// <param name="RunId">The run.</param>
/// <param name="MemberId">The member invited.</param>
internal sealed record Invitation(string TeamId, string RunId, string MemberId);

/// <summary>Maps <see cref="Invitation"/>.</summary>
internal sealed class InvitationMapper : IEntityMapper<Invitation>
{
    public TableEntity ToEntity(Invitation record) => new(TableKey.Encode(record.TeamId), PulseRowKeys.Invitation(record.RunId, record.MemberId))
    {
        [TableRegistration.MemberKeyProperty] = record.MemberId,
    };

    public Invitation FromEntity(TableEntity entity)
    {
        var parts = TableKey.Decompose(entity.RowKey);
        return new Invitation(TableKey.Decode(entity.PartitionKey), parts[0], parts[1]);
    }
}
