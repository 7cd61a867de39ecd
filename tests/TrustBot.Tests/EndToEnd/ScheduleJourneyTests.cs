using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Pulse;
using TrustBot.Pulse;

namespace TrustBot.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class ScheduleJourneyTests(EndToEndFixture stack)
{
    private const string ScheduleCard = "Pulse schedule: TrustBot Team";
    private const string SavedCard = "Pulse schedule saved";
    private const string TeamZone = "Europe/Berlin";

    [Fact]
    public async Task A_lead_saves_a_schedule_and_when_its_time_comes_the_member_gets_the_pulse_in_the_personal_chat()
    {
        // One open run per team: a pulse another journey left open would make the scheduled opening skip.
        await stack.CloseOpenPulseAsync();
        await using var playground = await stack.OpenPlaygroundAsync();
        await playground.OpenAsync(PlaygroundPage.TeamGeneralChannel);
        await playground.CardShowingAsync("Thanks for adding me to this team.");

        // The journeys share the bot's clock: open soon, so the clock moves on by a minute or so, not a day.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TeamZone);
        var opensLocally = SoonAfter(TimeZoneInfo.ConvertTime(stack.Services.GetRequiredService<TimeProvider>().GetUtcNow(), zone).DateTime);
        var opensAt = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(opensLocally, zone));
        await playground.SendAsync("schedule", mentionBot: true);
        await playground.ChooseAsync(ScheduleCard, "On", opensLocally.DayOfWeek.ToString());
        await playground.FillAsync(ScheduleCard, "At (24-hour time, HH:mm)", ClockTime(opensLocally));
        await playground.ChooseAsync(ScheduleCard, "Time zone", $"(UTC+01:00) {TeamZone}");
        await playground.ScreenshotAsync("schedule-card-filled", await playground.CardShowingAsync(ScheduleCard));
        await playground.ClickAsync(ScheduleCard, "Save schedule");

        var saved = await playground.CardShowingAsync(SavedCard);
        (await saved.InnerTextAsync()).Should().ContainAll(
            $"Every week on {opensLocally.DayOfWeek} at {ClockTime(opensLocally)}, {TeamZone} time.",
            LocalRunTime(opensLocally), LocalRunTime(opensLocally.AddDays(7)), LocalRunTime(opensLocally.AddDays(14)));
        await playground.ScreenshotAsync("schedule-saved", saved);

        await AdvanceClockPastAsync(opensAt);
        await playground.OpenAsync(PlaygroundPage.PersonalChat);
        await playground.ScreenshotAsync("schedule-pulse-arrived", await playground.CardShowingAsync("Trust pulse"));

        var run = (await stack.Services.GetRequiredService<IPulseStore>().GetRecentRunsAsync(PlaygroundPage.TeamId, 1, CancellationToken.None)).Single();
        run.State.Should().Be(PulseRunState.Open);
        run.OpensAt.Should().BeOnOrAfter(opensAt).And.BeBefore(opensAt.AddMinutes(1), "the run opens when the schedule says");

        // Leave the team without an open pulse for the journeys after this one.
        await playground.OpenAsync(PlaygroundPage.TeamGeneralChannel);
        await playground.SendAsync("close pulse", mentionBot: true);
        await playground.CardShowingAsync("Pulse closed");
    }

    // The next whole minute at least half a minute away: time enough to fill in and save the card.
    private static DateTime SoonAfter(DateTime now)
    {
        var minute = now.Date.AddHours(now.Hour).AddMinutes(now.Minute + 1);
        return minute - now < TimeSpan.FromSeconds(30) ? minute.AddMinutes(1) : minute;
    }

    private static string ClockTime(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    // As the confirmation shows an opening time in the team's zone, e.g. "Wed 2 Dec 2026, 18:21 (Europe/Berlin)".
    private static string LocalRunTime(DateTime local) =>
        local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({TeamZone})";

    // Just past the opening: the hook runs the due jobs, and the workers send the cards.
    private async Task AdvanceClockPastAsync(DateTimeOffset opensAt)
    {
        var seconds = Math.Ceiling((opensAt - stack.Services.GetRequiredService<TimeProvider>().GetUtcNow()).TotalSeconds) + 1;
        await stack.AdvanceBotClockAsync(seconds / 3600);
    }
}
