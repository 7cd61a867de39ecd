using Microsoft.Bot.Schema;

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
}
