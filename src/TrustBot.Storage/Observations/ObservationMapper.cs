using Azure.Data.Tables;
using TrustBot.Domain;
using TrustBot.Domain.Observations;
using TrustBot.Storage.Pulse;

namespace TrustBot.Storage.Observations;

/// <summary>
/// An <see cref="Observation"/> is the row of its id in the team's partition of <c>Observations</c>.
/// The lead who logged it is carried as <see cref="TableRegistration.MemberKeyProperty"/>, so that
/// "forget me" finds what they wrote.
/// </summary>
internal sealed class ObservationMapper : IEntityMapper<Observation>
{
    // ISO 8601: readable in a table browser, and a day has no time zone to get wrong.

    public TableEntity ToEntity(Observation record) => new(TableKey.Encode(record.TeamId), TableKey.Encode(record.Id))
    {
        [nameof(Observation.Kind)] = record.Kind.ToString(),
        [nameof(Observation.Text)] = StringProperty.Fit(record.Text, nameof(Observation.Text)),
        [nameof(Observation.FactorIds)] = StringProperty.ToJson(record.FactorIds, nameof(Observation.FactorIds)),
        [nameof(Observation.Effect)] = record.Effect.ToString(),
        [nameof(Observation.ObservedOn)] = FormFormats.FormatDay(record.ObservedOn),
        [nameof(Observation.LoggedAt)] = record.LoggedAt,
        [TableRegistration.MemberKeyProperty] = record.LoggedBy,
    };

    public Observation FromEntity(TableEntity entity) => new(
        TableKey.Decode(entity.PartitionKey),
        TableKey.Decode(entity.RowKey),
        entity.RequiredEnum<ObservationKind>(nameof(Observation.Kind)),
        entity.RequiredString(nameof(Observation.Text)),
        entity.FromJson<List<string>>(nameof(Observation.FactorIds)),
        entity.RequiredEnum<ObservationEffect>(nameof(Observation.Effect)),
        ReadDate(entity),
        entity.RequiredDateTimeOffset(nameof(Observation.LoggedAt)),
        entity.RequiredString(TableRegistration.MemberKeyProperty));

    private static DateOnly ReadDate(TableEntity entity) =>
        FormFormats.ParseDay(entity.RequiredString(nameof(Observation.ObservedOn)))
            ?? throw new InvalidDataException($"Property {nameof(Observation.ObservedOn)} of entity ({entity.PartitionKey}, {entity.RowKey}) is not a {FormFormats.Day} date.");
}
