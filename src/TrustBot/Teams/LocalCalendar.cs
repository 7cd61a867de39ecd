using Microsoft.Bot.Schema;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Scheduling;
using TrustBot.Scheduling;

namespace TrustBot.Teams;

/// <summary>The sender's calendar day, which due dates and observation dates are judged against.</summary>
public static class LocalCalendar
{
    /// <summary>
    /// Teams sends the sender's local time with each activity, whose offset turns the server's clock
    /// into their date; without it, UTC is the best guess.
    /// </summary>
    public static DateOnly TodayOf(TimeProvider clock, IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(activity);
        var now = clock.GetUtcNow();
        var local = activity.LocalTimestamp is { } stamp ? now.ToOffset(stamp.Offset) : now;
        return DateOnly.FromDateTime(local.DateTime);
    }

    /// <summary>
    /// The sender's time zone as <see cref="ActionReminders.ZoneOf"/> reads it: the IANA zone their
    /// client reports, else the offset of their local time (what <see cref="TodayOf"/> judges by);
    /// null when Teams sent neither.
    /// </summary>
    public static string? ZoneIdOf(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return ScheduleRules.FindTimeZone(ScheduleDialog.SenderTimeZoneOf(activity))?.Id
            ?? (activity.LocalTimestamp is { } stamp ? ActionReminders.OffsetId(stamp.Offset) : null);
    }
}
