using Azure.Data.Tables;
using TrustBot.Domain;
using TrustBot.Domain.Actions;

namespace TrustBot.Storage.Actions;

/// <summary>
/// An <see cref="ActionItem"/> is the row of its id in the team's partition of <c>ActionItems</c>.
/// The owner is carried as <see cref="TableRegistration.MemberKeyProperty"/>, so that "forget me"
/// finds the items assigned to them.
/// </summary>
internal sealed class ActionItemMapper : IEntityMapper<ActionItem>
{
    // ISO 8601: readable in a table browser, and a day has no time zone to get wrong.

    public TableEntity ToEntity(ActionItem record) => new(TableKey.Encode(record.TeamId), TableKey.Encode(record.Id))
    {
        [nameof(ActionItem.Title)] = record.Title,
        [nameof(ActionItem.OwnerName)] = record.OwnerName,
        [nameof(ActionItem.DueOn)] = FormFormats.FormatDay(record.DueOn),
        [nameof(ActionItem.FactorId)] = record.FactorId,
        [nameof(ActionItem.CreatedBy)] = record.CreatedBy,
        [nameof(ActionItem.CreatedAt)] = record.CreatedAt,
        [nameof(ActionItem.CompletedAt)] = record.CompletedAt,
        [TableRegistration.MemberKeyProperty] = record.OwnerId,
        [nameof(ActionItem.IncidentId)] = record.IncidentId,
        [nameof(ActionItem.TimeZoneId)] = record.TimeZoneId,
    };

    public ActionItem FromEntity(TableEntity entity) => new(
        TableKey.Decode(entity.PartitionKey),
        TableKey.Decode(entity.RowKey),
        entity.RequiredString(nameof(ActionItem.Title)),
        entity.RequiredString(TableRegistration.MemberKeyProperty),
        entity.GetString(nameof(ActionItem.OwnerName)),
        ReadDate(entity),
        entity.RequiredString(nameof(ActionItem.FactorId)),
        entity.RequiredString(nameof(ActionItem.CreatedBy)),
        entity.RequiredDateTimeOffset(nameof(ActionItem.CreatedAt)),
        entity.GetDateTimeOffset(nameof(ActionItem.CompletedAt)),
        entity.GetString(nameof(ActionItem.IncidentId)),
        entity.GetString(nameof(ActionItem.TimeZoneId)));

    private static DateOnly ReadDate(TableEntity entity) =>
        FormFormats.ParseDay(entity.RequiredString(nameof(ActionItem.DueOn)))
            ?? throw new InvalidDataException($"Property {nameof(ActionItem.DueOn)} of entity ({entity.PartitionKey}, {entity.RowKey}) is not a {FormFormats.Day} date.");
}
