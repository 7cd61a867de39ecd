using Azure.Data.Tables;
using TrustBot.Domain.Pulse;

namespace TrustBot.Storage.Pulse;

/// <summary>
/// A sealed answer under its anonymous key: the row <see cref="PulseRowKeys.Answer"/> in
/// <c>PulseResponses</c>, while its run is open. One binary property of fixed length
/// (<see cref="AnswerSeal.SealedLength"/>); no member id, no score, no comment in the clear, so
/// "forget me" cannot find it (by design) and the close deletes it.
/// </summary>
/// <param name="TeamId">The team.</param>
/// <param name="RunId">The run.</param>
/// <param name="Answer">The key and the sealed bytes.</param>
internal sealed record AnonymousAnswer(string TeamId, string RunId, SealedAnswer Answer);

/// <summary>Maps <see cref="AnonymousAnswer"/>.</summary>
internal sealed class AnonymousAnswerMapper : IEntityMapper<AnonymousAnswer>
{
    private const string Sealed = "Sealed";

    public TableEntity ToEntity(AnonymousAnswer record) => new(TableKey.Encode(record.TeamId), PulseRowKeys.Answer(record.RunId, record.Answer.AnswerKey))
    {
        [Sealed] = record.Answer.Sealed.Length == AnswerSeal.SealedLength
            ? record.Answer.Sealed
            : throw new ArgumentException($"A sealed answer is {AnswerSeal.SealedLength} bytes; this one is {record.Answer.Sealed.Length}.", nameof(record)),
    };

    public AnonymousAnswer FromEntity(TableEntity entity)
    {
        var parts = TableKey.Decompose(entity.RowKey);
        return new AnonymousAnswer(
            TableKey.Decode(entity.PartitionKey),
            parts[0],
            new SealedAnswer(parts[2], entity.GetBinary(Sealed) ?? throw new InvalidDataException($"Answer ({entity.PartitionKey}, {entity.RowKey}) has no {Sealed} property.")));
    }
}
