using System.Globalization;

namespace TrustBot.Domain;

/// <summary>
/// The one way TrustBot writes and reads days and times of day as text: on cards (what a date or
/// time input shows and sends), in what people type, in job subjects and in stored rows. ISO days
/// (<c>2026-03-01</c>, as Adaptive Cards' <c>Input.Date</c> sends them) and 24-hour times
/// (<c>14:30</c>), always in the invariant culture, so the server's locale never changes what is
/// shown, accepted or stored.
/// </summary>
public static class FormFormats
{
    /// <summary>A day: <c>yyyy-MM-dd</c>.</summary>
    public const string Day = "yyyy-MM-dd";

    /// <summary>A time of day on a 24-hour clock: <c>HH:mm</c> (a single-digit hour is read too).</summary>
    public const string Time = "HH:mm";

    private static readonly string[] TimesRead = [Time, "H:mm"];

    /// <summary>The day as <see cref="Day"/>.</summary>
    public static string FormatDay(DateOnly day) => day.ToString(Day, CultureInfo.InvariantCulture);

    /// <summary>The day the text gives as <see cref="Day"/>, or null when it is not one.</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, Day, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The time of day as <see cref="Time"/>.</summary>
    public static string FormatTime(TimeOnly time) => time.ToString(Time, CultureInfo.InvariantCulture);

    /// <summary>The time of day the text gives (surrounding spaces ignored) as <c>HH:mm</c> or <c>H:mm</c>, or null when it is not one.</summary>
    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), TimesRead, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
