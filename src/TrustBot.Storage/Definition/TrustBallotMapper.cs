using Azure.Data.Tables;
using TrustBot.Domain.Definition;
using TrustBot.Storage.Pulse;

namespace TrustBot.Storage.Definition;

/// <summary>
/// A <see cref="TrustBallot"/> is the row <c>&lt;voteId&gt;|&lt;memberId&gt;</c> of the team's partition
/// of <c>TrustBallots</c>, so a vote's ballots are one prefix scan and a member's one point read. The
/// member is carried as <see cref="TableRegistration.MemberKeyProperty"/> for "forget me".
/// </summary>
internal sealed class TrustBallotMapper : IEntityMapper<TrustBallot>
{
    public static string RowKeyOf(string voteId, string memberId) => TableKey.Compose(voteId, memberId);

    public static string PrefixOf(string voteId) => TableKey.Compose(voteId) + TableKey.Separator;

    public TableEntity ToEntity(TrustBallot record) => new(TableKey.Encode(record.TeamId), RowKeyOf(record.VoteId, record.MemberId))
    {
        [nameof(TrustBallot.Picks)] = StringProperty.ToJson(record.Picks, nameof(TrustBallot.Picks)),
        [nameof(TrustBallot.CastAt)] = record.CastAt,
        [TableRegistration.MemberKeyProperty] = record.MemberId,
    };

    public TrustBallot FromEntity(TableEntity entity) => new(
        TableKey.Decode(entity.PartitionKey),
        TableKey.Decompose(entity.RowKey)[0],
        entity.RequiredString(TableRegistration.MemberKeyProperty),
        entity.FromJson<List<string>>(nameof(TrustBallot.Picks)),
        entity.GetDateTimeOffset(nameof(TrustBallot.CastAt)));
}
