using System.Globalization;
using Azure.Data.Tables;

namespace TrustBot.Storage.Pulse;

/// <summary>
/// A comment of a closed run: the row <see cref="PulseRowKeys.Comment"/> in <c>PulseResponses</c>,
/// written at the close under its place in a random shuffle of the run's comments. The key comes
/// from nobody and from no answer, and the row is written long after (and apart from) any answer.
/// </summary>
/// <param name="TeamId">The team.</param>
/// <param name="RunId">The run.</param>
/// <param name="Place">Its place in the shuffle made at the close.</param>
/// <param name="Text">The comment.</param>
internal sealed record AnonymousComment(string TeamId, string RunId, int Place, string Text);

/// <summary>Maps <see cref="AnonymousComment"/>.</summary>
internal sealed class AnonymousCommentMapper : IEntityMapper<AnonymousComment>
{
    public TableEntity ToEntity(AnonymousComment record) => new(TableKey.Encode(record.TeamId), PulseRowKeys.Comment(record.RunId, record.Place))
    {
        [nameof(AnonymousComment.Text)] = StringProperty.Fit(record.Text, "The comment"),
    };

    public AnonymousComment FromEntity(TableEntity entity)
    {
        var parts = TableKey.Decompose(entity.RowKey);
        return new AnonymousComment(
            TableKey.Decode(entity.PartitionKey),
            parts[0],
            int.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture),
            entity.GetString(nameof(AnonymousComment.Text)) ?? string.Empty);
    }
}
