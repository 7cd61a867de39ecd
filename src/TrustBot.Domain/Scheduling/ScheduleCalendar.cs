using Cronos;

namespace TrustBot.Domain.Scheduling;

/// <summary>
/// When a schedule's runs open. Cronos works the times out in the team's time zone, so a 09:00 run
/// stays at 09:00 local across daylight-saving changes: a time the clocks skip that day opens at the
/// first moment after the jump (02:30 on a spring-forward night opens at 03:00), and a time the
/// clocks repeat opens once, at its first occurrence.
/// </summary>
public static class ScheduleCalendar
{
    /// <summary>The next <paramref name="count"/> opening times strictly after <paramref name="after"/>, in UTC; none when the cadence is off.</summary>
    /// <exception cref="ArgumentException">The schedule's time zone is not one <see cref="ScheduleRules.FindTimeZone"/> accepts.</exception>
    public static IReadOnlyList<DateTimeOffset> NextRuns(TeamSchedule schedule, DateTimeOffset after, int count)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (schedule.Cadence == ScheduleCadence.Off || count == 0)
        {
            return [];
        }

        var zone = ScheduleRules.FindTimeZone(schedule.TimeZoneId)
            ?? throw new ArgumentException($"'{schedule.TimeZoneId}' is not an IANA time zone.", nameof(schedule));
        var expression = ExpressionFor(schedule);
        var runs = new List<DateTimeOffset>(count);
        var from = after;
        while (runs.Count < count && expression.GetNextOccurrence(from, zone) is { } next)
        {
            if (schedule.Cadence != ScheduleCadence.Fortnightly || IsOpeningWeek(schedule.StartsOn, LocalDay(next, zone)))
            {
                runs.Add(next.ToUniversalTime());
            }

            from = next;
        }

        return runs;
    }

    /// <summary>
    /// The Monday that starts the week of <paramref name="day"/>: fortnightly runs count weeks from
    /// Monday to Monday, whatever weekday they open on.
    /// </summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    // Weekly: every week on the day; monthly: the first of that weekday in the month (DOW#1).
    // Fortnightly runs are the weekly ones, filtered by week.
    private static CronExpression ExpressionFor(TeamSchedule schedule)
    {
        var time = schedule.Time;
        var nth = schedule.Cadence == ScheduleCadence.Monthly ? "#1" : string.Empty;
        return CronExpression.Parse(
            FormattableString.Invariant($"{time.Second} {time.Minute} {time.Hour} * * {(int)schedule.Day}{nth}"),
            CronFormat.IncludeSeconds);
    }

    private static bool IsOpeningWeek(DateOnly startsOn, DateOnly runDay) =>
        (WeekStart(runDay).DayNumber - WeekStart(startsOn).DayNumber) / 7 % 2 == 0;

    private static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
