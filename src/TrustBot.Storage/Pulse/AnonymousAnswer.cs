using Azure.Data.Tables;
using TrustBot.Domain.Pulse;

namespace TrustBot.Storage.Pulse;

/// <summary>
/// A <see cref="PulseAnswer"/> under its anonymous key: the row <see cref="PulseRowKeys.Answer"/> in
/// <c>PulseResponses</c>. No member id is stored, so "forget me" cannot find it (by design).
/// </summary>
/// <param name="TeamId">The team.</param>
/// <param name="RunId">The run.</param>
/// <param name="AnswerKey">The HMAC the caller computed (<see cref="AnonymousKeys.AnswerKey"/>).</param>
/// <param name="Answer">The scores and picks.</param>
internal sealed record AnonymousAnswer(string TeamId, string RunId, string AnswerKey, PulseAnswer Answer);

/// <summary>Maps <see cref="AnonymousAnswer"/>: scores as a JSON object, picks as JSON arrays.</summary>
internal sealed class AnonymousAnswerMapper : IEntityMapper<AnonymousAnswer>
{
    public TableEntity ToEntity(AnonymousAnswer record) => new(TableKey.Encode(record.TeamId), PulseRowKeys.Answer(record.RunId, record.AnswerKey))
    {
        [nameof(PulseAnswer.Scores)] = StringProperty.ToJson(record.Answer.Scores, nameof(PulseAnswer.Scores)),
        [nameof(PulseAnswer.Helped)] = StringProperty.ToJson(record.Answer.Helped, nameof(PulseAnswer.Helped)),
        [nameof(PulseAnswer.Hurt)] = StringProperty.ToJson(record.Answer.Hurt, nameof(PulseAnswer.Hurt)),
    };

    public AnonymousAnswer FromEntity(TableEntity entity)
    {
        var parts = TableKey.Decompose(entity.RowKey);
        return new AnonymousAnswer(
            TableKey.Decode(entity.PartitionKey),
            parts[0],
            parts[2],
            new PulseAnswer(
                entity.FromJson<Dictionary<string, int>>(nameof(PulseAnswer.Scores)),
                entity.FromJson<List<string>>(nameof(PulseAnswer.Helped)),
                entity.FromJson<List<string>>(nameof(PulseAnswer.Hurt))));
    }
}
