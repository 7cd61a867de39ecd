using System.Globalization;

namespace TrustBot.Domain.Scheduling;

/// <summary>
/// What makes a team schedule acceptable. Every problem comes back as a message the lead can act
/// on, so the card can say exactly what to fix and nothing is stored until there are none.
/// </summary>
public static class ScheduleRules
{
    /// <summary>The fewest days a run stays open.</summary>
    public const int MinWindowDays = 1;

    /// <summary>The most days a run stays open.</summary>
    public const int MaxWindowDays = 14;

    /// <summary>How long a run stays open unless the lead says otherwise.</summary>
    public const int DefaultWindowDays = 3;

    // The longest IANA id is about 30 characters; anything much longer was not typed by a person.
    private const int MaxTimeZoneIdLength = 64;

    /// <summary>
    /// The time zones the card offers: UTC and the zones of the world's larger business centres.
    /// Any other IANA zone is accepted too (see <see cref="FindTimeZone"/>).
    /// </summary>
    public static IReadOnlyList<string> OfferedTimeZoneIds { get; } =
    [
        "UTC",
        "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Phoenix", "America/Denver",
        "America/Chicago", "America/Mexico_City", "America/New_York", "America/Bogota", "America/Halifax",
        "America/St_Johns", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
        "Europe/London", "Europe/Lisbon", "Africa/Lagos", "Europe/Berlin", "Europe/Paris", "Europe/Madrid",
        "Europe/Stockholm", "Europe/Warsaw", "Africa/Johannesburg", "Africa/Cairo", "Europe/Athens", "Europe/Helsinki",
        "Europe/Istanbul", "Europe/Moscow", "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka",
        "Asia/Bangkok", "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo", "Asia/Seoul",
        "Australia/Perth", "Australia/Adelaide", "Australia/Brisbane", "Australia/Sydney", "Australia/Lord_Howe",
        "Pacific/Auckland",
    ];

    /// <summary>What the card is filled with for a team that has no schedule yet: weekly, Monday 09:00, open 3 days, with a reminder.</summary>
    /// <param name="senderTimeZoneId">The time zone the lead's Teams client reports, if any; UTC when it is absent or unknown.</param>
    public static ScheduleInput Defaults(string? senderTimeZoneId) => new(
        nameof(ScheduleCadence.Weekly),
        nameof(DayOfWeek.Monday),
        "09:00",
        FindTimeZone(senderTimeZoneId)?.Id ?? "UTC",
        DefaultWindowDays.ToString(CultureInfo.InvariantCulture),
        Reminders: true);

    /// <summary>
    /// Reads what a lead sent into the team's schedule, or says what is wrong with it.
    /// </summary>
    /// <param name="teamId">The team the schedule is for.</param>
    /// <param name="input">What the lead sent.</param>
    /// <param name="now">When it is saved: the schedule starts on that day in its own time zone.</param>
    /// <param name="current">The team's stored schedule, if any. A fortnightly schedule that stays
    /// fortnightly keeps its start day, so changing the time does not move runs to the other weeks.</param>
    /// <returns>The schedule (revision left for the store to assign) when there are no problems.</returns>
    public static ScheduleCheck Check(string teamId, ScheduleInput input, DateTimeOffset now, TeamSchedule? current)
    {
        ArgumentNullException.ThrowIfNull(teamId);
        ArgumentNullException.ThrowIfNull(input);
        var cadence = ParseName<ScheduleCadence>(input.Cadence);
        var day = ParseName<DayOfWeek>(input.Day);
        var time = FormFormats.ParseTime(input.Time);
        var zone = FindTimeZone(input.TimeZoneId);
        var windowDays = ParseWholeNumber(input.WindowDays);
        List<string> problems =
        [
            .. CadenceProblems(input.Cadence, cadence),
            .. DayProblems(input.Day, day),
            .. TimeProblems(input.Time, time),
            .. TimeZoneProblems(input.TimeZoneId, zone),
            .. WindowProblems(input.WindowDays, windowDays, cadence),
        ];
        if (problems.Count > 0 || cadence is not { } c || day is not { } d || time is not { } t || zone is null || windowDays is not { } w)
        {
            return new ScheduleCheck(null, problems);
        }

        var startsOn = c == ScheduleCadence.Fortnightly && current?.Cadence == ScheduleCadence.Fortnightly
            ? current.StartsOn
            : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return new ScheduleCheck(new TeamSchedule(teamId, c, d, t, zone.Id, w, input.Reminders, startsOn, current?.Revision ?? 0), []);
    }

    /// <summary>The fewest days between two runs of a cadence: a run may stay open at most this long, or it would overlap the next.</summary>
    public static int IntervalDays(ScheduleCadence cadence) => cadence switch
    {
        ScheduleCadence.Weekly => 7,
        ScheduleCadence.Fortnightly => 14,
        // The first Monday of one month and of the next are four or five weeks apart.
        ScheduleCadence.Monthly => 28,
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "A schedule that is off has no runs."),
    };

    /// <summary>
    /// The time zone of an IANA id (any the system knows, in any letter case), or null for anything
    /// else: blank, unknown, or a Windows zone name.
    /// </summary>
    public static TimeZoneInfo? FindTimeZone(string? id)
    {
        var trimmed = id?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxTimeZoneIdLength || !trimmed.All(IsIanaIdCharacter))
        {
            return null;
        }

        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(trimmed);
            return zone.HasIanaId ? zone : null;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static IEnumerable<string> CadenceProblems(string? text, ScheduleCadence? cadence)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return "Please pick how often pulses open, or Off.";
        }
        else if (cadence is null)
        {
            yield return "Please pick how often pulses open from the list: every week, every two weeks, every month, or off.";
        }
    }

    private static IEnumerable<string> DayProblems(string? text, DayOfWeek? day)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return "Please pick the weekday pulses open on.";
        }
        else if (day is null)
        {
            yield return "Please pick a weekday from the list, Monday to Sunday.";
        }
    }

    private static IEnumerable<string> TimeProblems(string? text, TimeOnly? time)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return "Please give the time pulses open, e.g. 09:00.";
        }
        else if (time is null)
        {
            yield return "Please write the time as hours and minutes on a 24-hour clock (HH:mm), e.g. 09:00 or 14:30.";
        }
    }

    private static IEnumerable<string> TimeZoneProblems(string? text, TimeZoneInfo? zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return "Please pick the team's time zone.";
        }
        else if (zone is null)
        {
            yield return "That time zone isn't one I know. Please pick one from the list, or type its IANA name, e.g. Europe/Berlin or America/New_York.";
        }
    }

    private static IEnumerable<string> WindowProblems(string? text, int? days, ScheduleCadence? cadence)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return FormattableString.Invariant($"Please say how many days each pulse stays open ({MinWindowDays} to {MaxWindowDays}).");
        }
        else if (days is not { } open || open is < MinWindowDays or > MaxWindowDays)
        {
            yield return FormattableString.Invariant($"A pulse stays open for a whole number of days from {MinWindowDays} to {MaxWindowDays}; please pick one in that range.");
        }
        else if (cadence is { } c && c != ScheduleCadence.Off && open > IntervalDays(c))
        {
            yield return FormattableString.Invariant(
                $"{Adjective(c)} pulse can stay open at most {IntervalDays(c)} days: open for {open}, each run would still be open when the next one starts. Please shorten the window or pick a longer cadence.");
        }
    }

    private static string Adjective(ScheduleCadence cadence) => cadence switch
    {
        ScheduleCadence.Weekly => "A weekly",
        ScheduleCadence.Fortnightly => "A fortnightly",
        _ => "A monthly",
    };

    // Exact names only: Enum.TryParse would also take numbers and "Monday, Tuesday" (which it ORs into Wednesday).
    private static TEnum? ParseName<TEnum>(string? text)
        where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().FirstOrDefault(name => name.Equals(text?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } match
            ? Enum.Parse<TEnum>(match)
            : null;

    // Number inputs may send "3" or "3.0"; either is three days.
    private static int? ParseWholeNumber(string? text) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
        && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : null;

    private static bool IsIanaIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+';
}

/// <summary>
/// A team schedule as a lead filled it in on the card, as text exactly as sent: what the card shows
/// again when it is refused, and what <see cref="ScheduleRules.Check"/> reads.
/// </summary>
/// <param name="Cadence">A <see cref="ScheduleCadence"/> name.</param>
/// <param name="Day">A <see cref="DayOfWeek"/> name.</param>
/// <param name="Time">The local opening time, <see cref="FormFormats.Time"/>.</param>
/// <param name="TimeZoneId">An IANA time zone id.</param>
/// <param name="WindowDays">How many days each run stays open.</param>
/// <param name="Reminders">Whether members who have not answered get one reminder.</param>
public sealed record ScheduleInput(string? Cadence, string? Day, string? Time, string? TimeZoneId, string? WindowDays, bool Reminders)
{
    /// <summary>The stored schedule, as the card shows it.</summary>
    public static ScheduleInput Of(TeamSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new ScheduleInput(
            schedule.Cadence.ToString(),
            schedule.Day.ToString(),
            FormFormats.FormatTime(schedule.Time),
            schedule.TimeZoneId,
            schedule.WindowDays.ToString(CultureInfo.InvariantCulture),
            schedule.Reminders);
    }
}

/// <summary>The schedule an input holds, or what is wrong with it.</summary>
/// <param name="Schedule">The schedule, when there are no problems.</param>
/// <param name="Problems">Messages for the lead; empty when the schedule can be stored.</param>
public sealed record ScheduleCheck(TeamSchedule? Schedule, IReadOnlyList<string> Problems);
