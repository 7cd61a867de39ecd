using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustBot.Cards;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Scheduling;

/// <summary>
/// What the schedule card sends back. Nothing here is trusted: the server checks that the sender
/// leads the team named, and the rules check every value. What cannot even be read as the card
/// wrote it comes back null.
/// </summary>
public static class ScheduleCardData
{
    /// <summary>Input id of the cadence choice.</summary>
    public const string CadenceInput = "cadence";

    /// <summary>Input id of the weekday choice.</summary>
    public const string DayInput = "day";

    /// <summary>Input id of the opening time.</summary>
    public const string TimeInput = "time";

    /// <summary>Input id of the time zone picked from the list.</summary>
    public const string TimeZoneInput = "timeZone";

    /// <summary>Input id of a time zone typed by name, which wins over the list when filled in.</summary>
    public const string OtherTimeZoneInput = "otherTimeZone";

    /// <summary>Input id of the number of days a run stays open.</summary>
    public const string WindowInput = "windowDays";

    /// <summary>Input id of the reminder switch.</summary>
    public const string RemindersInput = "reminders";

    /// <summary>The data of the save button.</summary>
    public static object ForSave(string teamId) => new { teamId };

    /// <summary>The team and the inputs a save sends, or null when the data is malformed.</summary>
    public static ScheduleSubmit? ReadSave(JsonObject? data) =>
        data is { } json
        && CardSubmit.TeamIdOf(json) is { } teamId
        && CardSubmit.TryReadText(json, CadenceInput, out var cadence)
        && CardSubmit.TryReadText(json, DayInput, out var day)
        && CardSubmit.TryReadText(json, TimeInput, out var time)
        && CardSubmit.TryReadText(json, TimeZoneInput, out var listedZone)
        && CardSubmit.TryReadText(json, OtherTimeZoneInput, out var typedZone)
        && TryReadNumber(json, WindowInput, out var windowDays)
        && TryReadToggle(json, RemindersInput, out var reminders)
            ? new ScheduleSubmit(teamId, new ScheduleInput(cadence, day, time, string.IsNullOrWhiteSpace(typedZone) ? listedZone : typedZone, windowDays, reminders))
            : null;

    // Teams sends a number input's value as text; a client that sends a JSON number means the same.
    private static bool TryReadNumber(JsonObject data, string name, out string? text)
    {
        if (data[name] is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
        {
            text = number.TryGetValue<long>(out var whole)
                ? whole.ToString(CultureInfo.InvariantCulture)
                : number.GetValue<double>().ToString(CultureInfo.InvariantCulture);
            return true;
        }

        return CardSubmit.TryReadText(data, name, out text);
    }

    // A toggle sends "true" or "false"; absent means off.
    private static bool TryReadToggle(JsonObject data, string name, out bool on)
    {
        if (data[name] is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            on = flag.GetValueKind() == JsonValueKind.True;
            return true;
        }

        var readable = CardSubmit.TryReadText(data, name, out var text) && text is null or "true" or "false";
        on = text == "true";
        return readable;
    }
}

/// <summary>A schedule card's save: the team it names and what the lead filled in.</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="Input">The inputs, the typed time zone taking the place of the listed one when given.</param>
public sealed record ScheduleSubmit(string TeamId, ScheduleInput Input);
