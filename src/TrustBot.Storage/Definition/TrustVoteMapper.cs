using Azure.Data.Tables;
using TrustBot.Domain.Definition;
using TrustBot.Storage.Pulse;

namespace TrustBot.Storage.Definition;

/// <summary>
/// A team's latest <see cref="TrustVote"/> is the single row <see cref="RowKey"/> of its partition of
/// <c>TrustVotes</c>: opening a vote replaces the previous one, which is what makes "one open vote at
/// a time" a single conditional write.
/// </summary>
internal sealed class TrustVoteMapper : IEntityMapper<TrustVote>
{
    public const string RowKey = "vote";

    private const string VoteIdProperty = "VoteId";

    public TableEntity ToEntity(TrustVote record) => new(TableKey.Encode(record.TeamId), RowKey)
    {
        [VoteIdProperty] = record.Id,
        [nameof(TrustVote.ProposalIds)] = StringProperty.ToJson(record.ProposalIds, nameof(TrustVote.ProposalIds)),
        [nameof(TrustVote.OpenedAt)] = record.OpenedAt,
        [nameof(TrustVote.ClosesAt)] = record.ClosesAt,
        [nameof(TrustVote.ClosedAt)] = record.ClosedAt,
    };

    public TrustVote FromEntity(TableEntity entity) => new(
        TableKey.Decode(entity.PartitionKey),
        entity.RequiredString(VoteIdProperty),
        entity.FromJson<List<string>>(nameof(TrustVote.ProposalIds)),
        entity.RequiredDateTimeOffset(nameof(TrustVote.OpenedAt)),
        entity.RequiredDateTimeOffset(nameof(TrustVote.ClosesAt)),
        entity.GetDateTimeOffset(nameof(TrustVote.ClosedAt)));
}
