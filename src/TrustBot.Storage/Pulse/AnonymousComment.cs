using Azure.Data.Tables;
using TrustBot.Domain.Pulse;

namespace TrustBot.Storage.Pulse;

/// <summary>
/// A comment under its own anonymous key (unrelated to the answer key, so a comment cannot be matched
/// to scores): the row <see cref="PulseRowKeys.Comment"/> in <c>PulseResponses</c>.
/// </summary>
/// <param name="TeamId">The team.</param>
/// <param name="RunId">The run.</param>
/// <param name="CommentKey">The HMAC the caller computed (<see cref="AnonymousKeys.CommentKey"/>).</param>
/// <param name="Text">The comment; empty when the member answered without one.</param>
internal sealed record AnonymousComment(string TeamId, string RunId, string CommentKey, string Text);

/// <summary>Maps <see cref="AnonymousComment"/>.</summary>
internal sealed class AnonymousCommentMapper : IEntityMapper<AnonymousComment>
{
    public TableEntity ToEntity(AnonymousComment record) => new(TableKey.Encode(record.TeamId), PulseRowKeys.Comment(record.RunId, record.CommentKey))
    {
        [nameof(AnonymousComment.Text)] = StringProperty.Fit(record.Text, "The comment"),
    };

    public AnonymousComment FromEntity(TableEntity entity)
    {
        var parts = TableKey.Decompose(entity.RowKey);
        return new AnonymousComment(TableKey.Decode(entity.PartitionKey), parts[0], parts[2], entity.GetString(nameof(AnonymousComment.Text)) ?? string.Empty);
    }
}
