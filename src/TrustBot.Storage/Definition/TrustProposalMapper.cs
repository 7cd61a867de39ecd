using Azure.Data.Tables;
using TrustBot.Domain.Definition;
using TrustBot.Storage.Pulse;

namespace TrustBot.Storage.Definition;

/// <summary>
/// A <see cref="TrustProposal"/> is the row of its id in the team's partition of <c>TrustProposals</c>.
/// A named author is carried as <see cref="TableRegistration.MemberKeyProperty"/> (so "forget me" finds
/// the proposal) with their name; an anonymous proposal has neither.
/// </summary>
internal sealed class TrustProposalMapper : IEntityMapper<TrustProposal>
{
    private const string AuthorNameProperty = "AuthorName";

    public TableEntity ToEntity(TrustProposal record)
    {
        var entity = new TableEntity(TableKey.Encode(record.TeamId), TableKey.Encode(record.Id))
        {
            [nameof(TrustProposal.Text)] = StringProperty.Fit(record.Text, nameof(TrustProposal.Text)),
            [nameof(TrustProposal.ProposedAt)] = record.ProposedAt,
        };
        if (record.Author is { } author)
        {
            entity[TableRegistration.MemberKeyProperty] = author.MemberId;
            entity[AuthorNameProperty] = author.Name;
        }

        return entity;
    }

    public TrustProposal FromEntity(TableEntity entity) => new(
        TableKey.Decode(entity.PartitionKey),
        TableKey.Decode(entity.RowKey),
        entity.RequiredString(nameof(TrustProposal.Text)),
        entity.GetString(TableRegistration.MemberKeyProperty) is { } memberId
            ? new ProposalAuthor(memberId, entity.RequiredString(AuthorNameProperty))
            : null,
        entity.RequiredDateTimeOffset(nameof(TrustProposal.ProposedAt)));
}
