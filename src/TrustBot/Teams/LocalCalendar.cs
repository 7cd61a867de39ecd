using TrustBot.Bot;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Teams;

/// <summary>The sender's calendar day, which due dates and observation dates are judged against.</summary>
public static class LocalCalendar
{
    /// <summary>
    /// Teams sends the sender's local time with each activity, whose offset turns the server's clock
    /// into their date; without it, UTC is the best guess.
    /// </summary>
    public static DateOnly TodayOf(TimeProvider clock, BotTurn turn)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(turn);
        var now = clock.GetUtcNow();
        var local = turn.Sender.LocalTimestamp is { } stamp ? now.ToOffset(stamp.Offset) : now;
        return DateOnly.FromDateTime(local.DateTime);
    }

    /// <summary>
    /// The sender's time zone as <see cref="ActionReminders.ZoneOf"/> reads it: the IANA zone their
    /// client reports, else the offset of their local time (what <see cref="TodayOf"/> judges by);
    /// null when Teams sent neither.
    /// </summary>
    public static string? ZoneIdOf(TurnSender sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return ScheduleRules.FindTimeZone(sender.ReportedTimeZone)?.Id
            ?? (sender.LocalTimestamp is { } stamp ? ActionReminders.OffsetId(stamp.Offset) : null);
    }
}
