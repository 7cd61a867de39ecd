using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using TrustBot.Bot;
using TrustBot.Domain.Scheduling;
using TrustBot.Scheduling;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;
using static TrustBot.Tests.Scheduling.ScheduleSteps;

namespace TrustBot.Tests.Scheduling;

[Collection(AzuriteCollection.Name)]
public sealed class ScheduleDialogTests : IDisposable
{
    private readonly PulseTestbed _bed;
    private readonly ScheduleSteps _steps;

    public ScheduleDialogTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        _steps = new ScheduleSteps(_bed);
    }

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task A_lead_without_a_schedule_gets_the_card_with_suggested_settings()
    {
        await _bed.InstallAsync(Lead);

        var card = await _steps.CardAsync(Lead);

        TextOf(card).Should().Contain("Pulse schedule: Contoso").And.Contain("No schedule yet");
        new[] { "cadence", "day", "time", "timeZone", "windowDays", "reminders" }.Select(input => ValueOf(card, input))
            .Should().Equal("Weekly", "Monday", "09:00", "UTC", "3", "true");
        SubmitAction(card)["data"]!["teamId"]!.ToString().Should().Be(_bed.TeamId);
    }

    [Fact]
    public async Task Saving_stores_the_schedule_plans_its_first_run_and_shows_the_next_three_in_the_teams_time()
    {
        await _bed.InstallAsync(Lead);

        // Monday 23 November 2026, 10:00 in Berlin: today's 09:00 has passed.
        var saved = await _steps.SaveAsync(Lead, ("timeZone", "Europe/Berlin"));

        TextOf(saved).Should().Contain("Pulse schedule saved")
            .And.Contain("Every week on Monday at 09:00, Europe/Berlin time. Each pulse stays open 3 days; members who haven't answered get one reminder before it closes.")
            .And.Contain("Mon 30 Nov 2026, 09:00 (Europe/Berlin)\nMon 7 Dec 2026, 09:00 (Europe/Berlin)\nMon 14 Dec 2026, 09:00 (Europe/Berlin)");
        (await _steps.StoredAsync()).Should().Be(new TeamSchedule(
            _bed.TeamId, ScheduleCadence.Weekly, DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Berlin", 3, true, new DateOnly(2026, 11, 23), Revision: 1));
        (await _steps.PlannedAsync()).Where(job => job.Kind == JobKind.OpenPulse).Should().ContainSingle()
            .Which.DueAt.Should().Be(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task The_next_times_shown_follow_the_daylight_saving_change_of_the_teams_zone()
    {
        await _bed.InstallAsync(Lead);
        _bed.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.Zero));

        // On 28 March 2027 Berlin's clocks jump from 02:00 to 03:00: 02:30 does not exist that night.
        var saved = await _steps.SaveAsync(Lead, ("day", "Sunday"), ("time", "02:30"), ("timeZone", "Europe/Berlin"));

        TextOf(saved).Should().Contain("Sun 21 Mar 2027, 02:30 (Europe/Berlin)\nSun 28 Mar 2027, 03:00 (Europe/Berlin)\nSun 4 Apr 2027, 02:30 (Europe/Berlin)");
    }

    [Fact]
    public async Task The_saved_schedule_fills_the_card_next_time()
    {
        await _bed.InstallAsync(Lead);
        await _steps.SaveAsync(Lead, ("cadence", "Fortnightly"), ("day", "Thursday"), ("time", "14:30"), ("timeZone", "Asia/Kolkata"), ("windowDays", "5"), ("reminders", "false"));

        var card = await _steps.CardAsync(Lead);

        TextOf(card).Should().NotContain("No schedule yet");
        new[] { "cadence", "day", "time", "timeZone", "windowDays", "reminders" }.Select(input => ValueOf(card, input))
            .Should().Equal("Fortnightly", "Thursday", "14:30", "Asia/Kolkata", "5", "false");
    }

    [Fact]
    public async Task Saving_again_raises_the_revision_and_plans_the_new_times()
    {
        await _bed.InstallAsync(Lead);
        await _steps.SaveAsync(Lead, ("timeZone", "Europe/Berlin"));

        var monthly = await _steps.SaveAsync(Lead, ("cadence", "Monthly"), ("day", "Tuesday"));

        TextOf(monthly).Should().Contain("On the first Tuesday of every month at 09:00").And.Contain("Tue 1 Dec 2026, 09:00 (Europe/Berlin)\nTue 5 Jan 2027, 09:00 (Europe/Berlin)");
        (await _steps.StoredAsync())!.Revision.Should().Be(2);
        (await _steps.PlannedAsync()).Where(job => job.Kind == JobKind.OpenPulse).Select(job => job.Subject).Should().Contain("2");
    }

    [Fact]
    public async Task A_time_zone_typed_by_name_wins_over_the_list_and_is_offered_next_time()
    {
        await _bed.InstallAsync(Lead);

        var saved = await _steps.SaveAsync(Lead, ("otherTimeZone", "America/Bogota"));
        var card = await _steps.CardAsync(Lead);

        TextOf(saved).Should().Contain("Mon 23 Nov 2026, 09:00 (America/Bogota)", "09:00 in Bogotá is 14:00 UTC, still ahead today");
        ValueOf(card, "timeZone").Should().Be("America/Bogota");
        card.Descendants().OfType<JObject>().Single(o => (string?)o["id"] == "timeZone")["choices"]!.Select(c => (string)c["value"]!)
            .Should().Contain(["America/Bogota", "UTC", "Australia/Lord_Howe"]);
    }

    [Fact]
    public async Task Turning_the_schedule_off_says_pulses_start_by_hand_and_plans_nothing()
    {
        await _bed.InstallAsync(Lead);

        var off = await _steps.SaveAsync(Lead, ("cadence", "Off"));

        TextOf(off).Should().Contain("Scheduled pulses are off").And.Contain("start pulse");
        (await _steps.StoredAsync())!.Cadence.Should().Be(ScheduleCadence.Off);
        (await _steps.PlannedAsync()).Should().NotContain(job => job.Kind == JobKind.OpenPulse);
    }

    [Fact]
    public async Task At_the_saved_time_every_member_gets_the_pulse_in_their_1_to_1_chat()
    {
        await _bed.InstallAsync(Lead);
        // Monday 23 November 2026, 09:00 UTC: the first run is Monday 30 November, 08:00 UTC.
        await _steps.SaveAsync(Lead, ("timeZone", "Europe/Berlin"));

        await _bed.AdvanceAsync(TimeSpan.FromDays(7) - TimeSpan.FromHours(1) - TimeSpan.FromMinutes(1));
        _bed.CardsSentTo(Megan).Should().BeEmpty("the run opens at 09:00 Berlin time, not a minute earlier");

        await _bed.AdvanceAsync(TimeSpan.FromMinutes(1));
        _bed.CardsSentTo(Megan).Should().ContainSingle();
        _bed.CardsSentTo(Adele).Should().ContainSingle();
    }

    [Fact]
    public async Task A_lead_of_exactly_one_team_can_ask_in_their_1_to_1_chat()
    {
        await _bed.InstallAsync(Lead);

        var replies = await _bed.SayInPersonalChatAsync(Lead, "schedule");

        TextOf(CardOf(replies.Single())).Should().Contain("Pulse schedule: Contoso");
    }

    [Fact]
    public void The_card_suggests_the_time_zone_the_senders_Teams_client_reports()
    {
        var withLocalTimezone = new Activity(ActivityTypes.Message) { LocalTimezone = "America/Los_Angeles" };
        var withClientInfo = new Activity(ActivityTypes.Message)
        {
            Entities = [new Entity("clientInfo") { Properties = JObject.FromObject(new { locale = "en-AU", timezone = "Australia/Lord_Howe" }) }],
        };

        ReportedTimeZoneOf(withLocalTimezone).Should().Be("America/Los_Angeles");
        ReportedTimeZoneOf(withClientInfo).Should().Be("Australia/Lord_Howe");
        ReportedTimeZoneOf(new Activity(ActivityTypes.Message)).Should().BeNull();
    }

    // The zone as the dialog sees it: read from the activity by the translation into a BotTurn.
    private static string? ReportedTimeZoneOf(Activity activity)
    {
        using var turn = new TurnContext(new TestAdapter(Channels.Msteams), activity);
        return TurnTranslation.Of(turn, DateTimeOffset.UnixEpoch).Sender.ReportedTimeZone;
    }
}
