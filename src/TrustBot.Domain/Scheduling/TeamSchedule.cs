namespace TrustBot.Domain.Scheduling;

/// <summary>
/// When a team's pulse check-ins open by themselves: a cadence, a weekday and a local time in the
/// team's IANA time zone, how long each run stays open, and whether non-responders get one reminder.
/// </summary>
/// <param name="TeamId">The team.</param>
/// <param name="Cadence">How often a run opens (or <see cref="ScheduleCadence.Off"/>).</param>
/// <param name="Day">The weekday runs open on.</param>
/// <param name="Time">The local time runs open at.</param>
/// <param name="TimeZoneId">IANA time zone id, e.g. <c>Europe/Berlin</c>.</param>
/// <param name="WindowDays">How many days each run stays open.</param>
/// <param name="Reminders">Whether members who have not answered get one reminder before the run closes.</param>
/// <param name="StartsOn">The local date the schedule was saved; fortnightly runs fall in the weeks an even number of weeks from it.</param>
/// <param name="Revision">Goes up by one on every save; a planned run of an older revision is dropped.</param>
public sealed record TeamSchedule(
    string TeamId,
    ScheduleCadence Cadence,
    DayOfWeek Day,
    TimeOnly Time,
    string TimeZoneId,
    int WindowDays,
    bool Reminders,
    DateOnly StartsOn,
    int Revision);

/// <summary>How often a scheduled pulse opens.</summary>
public enum ScheduleCadence
{
    /// <summary>No scheduled runs; leads start pulses by hand.</summary>
    Off,

    /// <summary>Every week on the schedule's weekday.</summary>
    Weekly,

    /// <summary>Every second week on the schedule's weekday.</summary>
    Fortnightly,

    /// <summary>On the first of the schedule's weekday in each month.</summary>
    Monthly,
}
