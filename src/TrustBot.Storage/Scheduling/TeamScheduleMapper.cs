using System.Globalization;
using Azure.Data.Tables;
using TrustBot.Domain;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Storage.Scheduling;

/// <summary>A <see cref="TeamSchedule"/> is the one row <see cref="RowKey"/> of the team's partition in <c>Schedules</c>.</summary>
internal sealed class TeamScheduleMapper : IEntityMapper<TeamSchedule>
{
    /// <summary>The row key of the team's schedule.</summary>
    public const string RowKey = "schedule";

    // ISO 8601, readable in a table browser; a local time and a local day have no offset to get wrong.
    private const string TimeFormat = "HH:mm:ss";

    public TableEntity ToEntity(TeamSchedule record) => new(TableKey.Encode(record.TeamId), RowKey)
    {
        [nameof(TeamSchedule.Cadence)] = record.Cadence.ToString(),
        [nameof(TeamSchedule.Day)] = record.Day.ToString(),
        [nameof(TeamSchedule.Time)] = record.Time.ToString(TimeFormat, CultureInfo.InvariantCulture),
        [nameof(TeamSchedule.TimeZoneId)] = record.TimeZoneId,
        [nameof(TeamSchedule.WindowDays)] = record.WindowDays,
        [nameof(TeamSchedule.Reminders)] = record.Reminders,
        [nameof(TeamSchedule.StartsOn)] = FormFormats.FormatDay(record.StartsOn),
        [nameof(TeamSchedule.Revision)] = record.Revision,
    };

    public TeamSchedule FromEntity(TableEntity entity) => new(
        TableKey.Decode(entity.PartitionKey),
        entity.RequiredEnum<ScheduleCadence>(nameof(TeamSchedule.Cadence)),
        entity.RequiredEnum<DayOfWeek>(nameof(TeamSchedule.Day)),
        Read(entity, nameof(TeamSchedule.Time), TimeFormat, static (text, format) =>
            TimeOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : (TimeOnly?)null),
        entity.RequiredString(nameof(TeamSchedule.TimeZoneId)),
        entity.RequiredInt32(nameof(TeamSchedule.WindowDays)),
        entity.GetBoolean(nameof(TeamSchedule.Reminders))
            ?? throw new InvalidDataException($"Property {nameof(TeamSchedule.Reminders)} of entity ({entity.PartitionKey}, {entity.RowKey}) is missing or not a boolean."),
        Read(entity, nameof(TeamSchedule.StartsOn), FormFormats.Day, static (text, _) => FormFormats.ParseDay(text)),
        entity.RequiredInt32(nameof(TeamSchedule.Revision)));

    private static T Read<T>(TableEntity entity, string property, string format, Func<string, string, T?> parse)
        where T : struct =>
        parse(entity.RequiredString(property), format)
            ?? throw new InvalidDataException($"Property {property} of entity ({entity.PartitionKey}, {entity.RowKey}) is not in the format {format}.");
}
