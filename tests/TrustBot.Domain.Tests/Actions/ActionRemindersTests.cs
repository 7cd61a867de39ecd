using TrustBot.Domain.Actions;

namespace TrustBot.Domain.Tests.Actions;

public sealed class ActionRemindersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static ActionItem Item(string dueOn, string? timeZoneId = null) =>
        new ActionDraft("Share the checklist.", "megan", DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture), "reliability")
            .ToItem("team", "Megan Bowen", "adele", Now, Guid.NewGuid(), timeZoneId);

    [Theory]
    [InlineData(null, "2026-11-25T09:00:00Z", "2026-11-27T09:00:00Z")]
    [InlineData("Europe/Berlin", "2026-11-25T08:00:00Z", "2026-11-27T08:00:00Z")]
    [InlineData("+13:00", "2026-11-24T20:00:00Z", "2026-11-26T20:00:00Z")]
    [InlineData("-08:00", "2026-11-25T17:00:00Z", "2026-11-27T17:00:00Z")]
    [InlineData("Not/AZone", "2026-11-25T09:00:00Z", "2026-11-27T09:00:00Z")]
    public void Reminders_are_the_mornings_before_and_after_the_due_day_in_the_items_zone(string? zone, string dueTomorrow, string overdue)
    {
        var item = Item("2026-11-26", zone);

        ActionReminders.DueAt(item, ActionReminderKind.DueTomorrow).Should().Be(DateTimeOffset.Parse(dueTomorrow, System.Globalization.CultureInfo.InvariantCulture));
        ActionReminders.DueAt(item, ActionReminderKind.Overdue).Should().Be(DateTimeOffset.Parse(overdue, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_subject_reads_back_and_no_longer_applies_once_the_item_changes()
    {
        var item = Item("2026-11-26");
        var subject = ActionReminders.Parse(ActionReminders.Subject(item, ActionReminderKind.Overdue))!;

        subject.Should().Be(new ActionReminderSubject(ActionReminderKind.Overdue, item.Id, item.DueOn, "megan"));
        ActionReminders.StillApplies(item, subject).Should().BeTrue();
        ActionReminders.StillApplies(item with { CompletedAt = Now }, subject).Should().BeFalse();
        ActionReminders.StillApplies(item with { DueOn = item.DueOn.AddDays(1) }, subject).Should().BeFalse();
        ActionReminders.StillApplies(item with { OwnerId = "isaiah" }, subject).Should().BeFalse();
        ActionReminders.StillApplies(null, subject).Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("Overdue|not-an-id|2026-11-26|megan")]
    [InlineData("Sometime|0638997948000000000-0123abcd|2026-11-26|megan")]
    [InlineData("Overdue|0638997948000000000-0123abcd|26/11/2026|megan")]
    [InlineData("Overdue|0638997948000000000-0123abcd|2026-11-26|")]
    [InlineData("Overdue|0638997948000000000-0123abcd|2026-11-26|megan|extra")]
    [InlineData("7|0638997948000000000-0123abcd|2026-11-26|megan")]
    public void A_subject_not_written_by_the_bot_reads_as_none(string subject) =>
        ActionReminders.Parse(subject).Should().BeNull();

    [Theory]
    [InlineData("2026-11-23T08:59:59Z", "UTC", "2026-11-23T09:00:00Z")]
    [InlineData("2026-11-23T09:00:00Z", "UTC", "2026-11-30T09:00:00Z")]
    [InlineData("2026-11-26T12:00:00Z", "UTC", "2026-11-30T09:00:00Z")]
    [InlineData("2026-11-23T09:00:00Z", "Pacific/Auckland", "2026-11-29T20:00:00Z")]
    [InlineData("2027-03-26T12:00:00Z", "Europe/Berlin", "2027-03-29T07:00:00Z")]
    public void The_digest_comes_on_the_next_Monday_morning_in_the_teams_zone(string after, string zone, string expected) =>
        ActionReminders.NextDigestAt(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), ActionReminders.ZoneOf(zone))
            .Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
}
