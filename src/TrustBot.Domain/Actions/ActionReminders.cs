using System.Globalization;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Domain.Actions;

/// <summary>
/// When an action item's owner is reminded, and whether a reminder planned earlier still applies.
/// A reminder is planned for one (item, due date, owner, kind): a reschedule or a reassignment
/// plans new ones, and the old ones find the item changed when they come due and do nothing.
/// Times are the owner's local mornings: in their own time zone when known, else the one the item keeps (see <see cref="ActionItem.TimeZoneId"/>).
/// </summary>
public static class ActionReminders
{
    /// <summary>The local time of day reminders and the leads' digest arrive.</summary>
    public static readonly TimeOnly MorningAt = new(9, 0);

    /// <summary>The day of the week the leads' digest arrives.</summary>
    public const DayOfWeek DigestDay = DayOfWeek.Monday;

    /// <summary>The subject of the team's weekly digest job.</summary>
    public const string DigestSubject = "digest";

    private const char Separator = '|';

    /// <summary>The subject of an item's reminder job and of its delivery: kind, item, due date and owner.</summary>
    public static string Subject(ActionItem item, ActionReminderKind kind)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.Join(Separator, kind.ToString(), item.Id, FormFormats.FormatDay(item.DueOn), item.OwnerId);
    }

    /// <summary>What a reminder subject names, or null when it is not one <see cref="Subject"/> wrote.</summary>
    public static ActionReminderSubject? Parse(string? subject)
    {
        var parts = subject?.Split(Separator);
        return parts is [var kind, var itemId, var day, var ownerId]
            && Enum.TryParse<ActionReminderKind>(kind, out var parsed) && Enum.IsDefined(parsed)
            && ActionItemIds.IsWellFormed(itemId)
            && FormFormats.ParseDay(day) is { } dueOn
            && ownerId.Length > 0
                ? new ActionReminderSubject(parsed, itemId, dueOn, ownerId)
                : null;
    }

    /// <summary>
    /// When the reminder of this kind is due: the morning before the due day, or the morning after it
    /// (the first day the item is overdue), in the owner's time zone (see <see cref="OwnerZoneOf"/>).
    /// </summary>
    public static DateTimeOffset DueAt(ActionItem item, ActionReminderKind kind, string? ownerTimeZoneId = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var day = kind == ActionReminderKind.DueTomorrow ? item.DueOn.AddDays(-1) : item.DueOn.AddDays(1);
        return MorningOf(day, OwnerZoneOf(item, ownerTimeZoneId));
    }

    /// <summary>
    /// The time zone an item's owner is reminded in: their own (what their Teams client last
    /// reported), when known; else the item's, which is whoever last set its date or owner; else UTC.
    /// </summary>
    public static TimeZoneInfo OwnerZoneOf(ActionItem item, string? ownerTimeZoneId)
    {
        ArgumentNullException.ThrowIfNull(item);
        return ZoneOf(ownerTimeZoneId ?? item.TimeZoneId);
    }

    /// <summary>
    /// Whether a reminder planned for <paramref name="subject"/> still applies to the item as it is
    /// now: it exists, is open, and has the same due date and owner.
    /// </summary>
    public static bool StillApplies(ActionItem? item, ActionReminderSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return item is { IsCompleted: false } && item.Id == subject.ItemId && item.DueOn == subject.DueOn
            && string.Equals(item.OwnerId, subject.OwnerId, StringComparison.Ordinal);
    }

    /// <summary>The first digest time (Monday morning in <paramref name="zone"/>) strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextDigestAt(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var day = LocalDay(after, zone);
        var monday = day.AddDays(((int)DigestDay - (int)day.DayOfWeek + 7) % 7);
        var at = MorningOf(monday, zone);
        return at > after ? at : MorningOf(monday.AddDays(7), zone);
    }

    /// <summary>
    /// The time zone a stored id names: an IANA id, or a fixed offset such as <c>+02:00</c> (all
    /// Teams sent when it sent no zone); UTC for none or anything else.
    /// </summary>
    public static TimeZoneInfo ZoneOf(string? timeZoneId)
    {
        if (ScheduleRules.FindTimeZone(timeZoneId) is { } zone)
        {
            return zone;
        }

        return timeZoneId is { Length: 6 } && (timeZoneId[0] is '+' or '-')
            && TimeSpan.TryParseExact(timeZoneId[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var offset)
            && offset <= TimeSpan.FromHours(14)
                ? TimeZoneInfo.CreateCustomTimeZone(timeZoneId, timeZoneId[0] == '-' ? -offset : offset, timeZoneId, timeZoneId)
                : TimeZoneInfo.Utc;
    }

    /// <summary>The id <see cref="ZoneOf"/> reads for a fixed offset from UTC.</summary>
    public static string OffsetId(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>The calendar day it is at <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    // 09:00 local; on the rare day a zone skips that hour, an hour later.
    private static DateTimeOffset MorningOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(MorningAt, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}

/// <summary>The reminders an action item's owner gets.</summary>
public enum ActionReminderKind
{
    /// <summary>The morning before the due day.</summary>
    DueTomorrow,

    /// <summary>Once, the morning after the due day, if it is still open.</summary>
    Overdue,
}

/// <summary>What a reminder was planned for.</summary>
/// <param name="Kind">Which reminder.</param>
/// <param name="ItemId">The item.</param>
/// <param name="DueOn">Its due date then.</param>
/// <param name="OwnerId">Its owner then.</param>
public sealed record ActionReminderSubject(ActionReminderKind Kind, string ItemId, DateOnly DueOn, string OwnerId);
