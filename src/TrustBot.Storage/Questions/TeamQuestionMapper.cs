using Azure.Data.Tables;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Questions;

namespace TrustBot.Storage.Questions;

/// <summary>A <see cref="TeamQuestion"/> is the row of its item id in the team's partition of <c>TeamQuestions</c>.</summary>
internal sealed class TeamQuestionMapper : IEntityMapper<TeamQuestion>
{
    public TableEntity ToEntity(TeamQuestion record) => new(TableKey.Encode(record.TeamId), TableKey.Encode(record.Item.Id))
    {
        [nameof(QuestionItem.FactorId)] = record.Item.FactorId,
        [nameof(QuestionItem.Text)] = record.Item.Text,
        [nameof(QuestionItem.IsReverseScored)] = record.Item.IsReverseScored,
        [nameof(QuestionItem.Version)] = record.Item.Version,
        [nameof(QuestionItem.Source)] = record.Item.Source,
        [nameof(TeamQuestion.AddedAt)] = record.AddedAt,
        [nameof(TeamQuestion.RetiredAt)] = record.RetiredAt,
    };

    public TeamQuestion FromEntity(TableEntity entity) => new(
        TableKey.Decode(entity.PartitionKey),
        new QuestionItem(
            TableKey.Decode(entity.RowKey),
            entity.RequiredString(nameof(QuestionItem.FactorId)),
            entity.RequiredString(nameof(QuestionItem.Text)),
            entity.GetBoolean(nameof(QuestionItem.IsReverseScored))
                ?? throw new InvalidDataException($"Property {nameof(QuestionItem.IsReverseScored)} of entity ({entity.PartitionKey}, {entity.RowKey}) is missing or has the wrong type."),
            entity.RequiredInt32(nameof(QuestionItem.Version)),
            entity.RequiredString(nameof(QuestionItem.Source))),
        entity.RequiredDateTimeOffset(nameof(TeamQuestion.AddedAt)),
        entity.GetDateTimeOffset(nameof(TeamQuestion.RetiredAt)));
}
