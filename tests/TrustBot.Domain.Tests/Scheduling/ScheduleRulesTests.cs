using TrustBot.Domain.Scheduling;

namespace TrustBot.Domain.Tests.Scheduling;

public sealed class ScheduleRulesTests
{
    private const string TeamId = "19:contoso@thread.tacv2";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static ScheduleInput Valid() => new("Weekly", "Monday", "09:00", "Europe/Berlin", "3", Reminders: true);

    private static IReadOnlyList<string> ProblemsWith(ScheduleInput input) => ScheduleRules.Check(TeamId, input, Now, current: null).Problems;

    [Fact]
    public void A_complete_input_becomes_the_teams_schedule_starting_today_in_its_own_time_zone()
    {
        var check = ScheduleRules.Check(TeamId, Valid() with { Cadence = "fortnightly", Day = " friday ", Time = "7:30", WindowDays = "14", Reminders = false }, Now, current: null);

        check.Problems.Should().BeEmpty();
        check.Schedule.Should().Be(new TeamSchedule(TeamId, ScheduleCadence.Fortnightly, DayOfWeek.Friday, new TimeOnly(7, 30), "Europe/Berlin", 14, false, new DateOnly(2026, 11, 25), 0));
        ScheduleRules.Check(TeamId, Valid() with { TimeZoneId = "Pacific/Auckland" }, Now, current: null).Schedule!.StartsOn
            .Should().Be(new DateOnly(2026, 11, 26), "it is already the 26th in Auckland");
    }

    [Fact]
    public void A_fortnightly_schedule_that_stays_fortnightly_keeps_its_weeks_and_revision()
    {
        var current = ScheduleRules.Check(TeamId, Valid() with { Cadence = "Fortnightly" }, Now.AddDays(-10), current: null).Schedule! with { Revision = 4 };

        var edited = ScheduleRules.Check(TeamId, Valid() with { Cadence = "Fortnightly", Time = "10:00" }, Now, current).Schedule!;
        var fromWeekly = ScheduleRules.Check(TeamId, Valid() with { Cadence = "Fortnightly" }, Now, current with { Cadence = ScheduleCadence.Weekly }).Schedule!;

        edited.StartsOn.Should().Be(current.StartsOn);
        edited.Revision.Should().Be(4, "the store assigns the next revision");
        fromWeekly.StartsOn.Should().Be(new DateOnly(2026, 11, 25));
    }

    [Fact]
    public void A_stored_schedule_reads_back_as_the_same_input()
    {
        var schedule = new TeamSchedule(TeamId, ScheduleCadence.Monthly, DayOfWeek.Tuesday, new TimeOnly(14, 5), "Asia/Kolkata", 5, false, new DateOnly(2026, 11, 25), 2);

        var input = ScheduleInput.Of(schedule);

        input.Should().Be(new ScheduleInput("Monthly", "Tuesday", "14:05", "Asia/Kolkata", "5", false));
        ScheduleRules.Check(TeamId, input, Now, schedule).Schedule.Should().Be(schedule);
    }

    [Fact]
    public void The_defaults_are_weekly_on_Monday_at_9_for_3_days_with_a_reminder_in_the_senders_zone_or_UTC()
    {
        ScheduleRules.Defaults("America/New_York").Should().Be(new ScheduleInput("Weekly", "Monday", "09:00", "America/New_York", "3", true));
        ScheduleRules.Defaults(null).TimeZoneId.Should().Be("UTC");
        ScheduleRules.Defaults("Pacific Standard Time").TimeZoneId.Should().Be("UTC");
    }

    [Theory]
    [InlineData(null, "Please pick how often pulses open, or Off.")]
    [InlineData(" ", "Please pick how often pulses open, or Off.")]
    [InlineData("daily", "Please pick how often pulses open from the list: every week, every two weeks, every month, or off.")]
    [InlineData("1", "Please pick how often pulses open from the list: every week, every two weeks, every month, or off.")]
    public void A_cadence_that_is_not_one_of_the_options_is_refused(string? cadence, string problem) =>
        ProblemsWith(Valid() with { Cadence = cadence }).Should().Equal(problem);

    [Theory]
    [InlineData(null, "Please pick the weekday pulses open on.")]
    [InlineData("Someday", "Please pick a weekday from the list, Monday to Sunday.")]
    [InlineData("1", "Please pick a weekday from the list, Monday to Sunday.")]
    [InlineData("Monday, Tuesday", "Please pick a weekday from the list, Monday to Sunday.")]
    public void A_missing_or_unknown_weekday_is_refused(string? day, string problem) =>
        ProblemsWith(Valid() with { Day = day }).Should().Equal(problem);

    [Theory]
    [InlineData("9am")]
    [InlineData("25:00")]
    [InlineData("09:00:00")]
    [InlineData("0900")]
    [InlineData("09.00")]
    public void A_time_that_is_not_HH_mm_is_refused(string time) =>
        ProblemsWith(Valid() with { Time = time }).Should().Equal("Please write the time as hours and minutes on a 24-hour clock (HH:mm), e.g. 09:00 or 14:30.");

    [Fact]
    public void A_missing_time_is_asked_for() =>
        ProblemsWith(Valid() with { Time = "" }).Should().Equal("Please give the time pulses open, e.g. 09:00.");

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData("Europe/Berlin; drop table")]
    public void An_unknown_time_zone_or_a_windows_zone_name_is_refused(string zone) =>
        ProblemsWith(Valid() with { TimeZoneId = zone }).Should().Equal(
            "That time zone isn't one I know. Please pick one from the list, or type its IANA name, e.g. Europe/Berlin or America/New_York.");

    [Fact]
    public void A_missing_time_zone_is_asked_for() =>
        ProblemsWith(Valid() with { TimeZoneId = null }).Should().Equal("Please pick the team's time zone.");

    [Theory]
    [InlineData("America/Bogota", "America/Bogota")]
    [InlineData(" Asia/Kathmandu ", "Asia/Kathmandu")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("Etc/GMT+5", "Etc/GMT+5")]
    public void Any_IANA_time_zone_is_accepted_not_only_the_offered_ones(string zone, string stored) =>
        ScheduleRules.Check(TeamId, Valid() with { TimeZoneId = zone }, Now, current: null).Schedule!.TimeZoneId.Should().Be(stored);

    [Theory]
    [InlineData("0")]
    [InlineData("15")]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData("three")]
    public void A_window_outside_1_to_14_whole_days_is_refused(string days) =>
        ProblemsWith(Valid() with { Cadence = "Monthly", WindowDays = days }).Should().Equal(
            "A pulse stays open for a whole number of days from 1 to 14; please pick one in that range.");

    [Fact]
    public void A_missing_window_is_asked_for_and_a_whole_decimal_is_accepted()
    {
        ProblemsWith(Valid() with { WindowDays = null }).Should().Equal("Please say how many days each pulse stays open (1 to 14).");
        ScheduleRules.Check(TeamId, Valid() with { WindowDays = "7.0" }, Now, current: null).Schedule!.WindowDays.Should().Be(7);
    }

    [Fact]
    public void A_window_longer_than_the_cadence_would_overlap_the_next_run_and_is_refused()
    {
        ProblemsWith(Valid() with { WindowDays = "8" }).Should().Equal(
            "A weekly pulse can stay open at most 7 days: open for 8, each run would still be open when the next one starts. Please shorten the window or pick a longer cadence.");
        ProblemsWith(Valid() with { WindowDays = "7" }).Should().BeEmpty();
        ProblemsWith(Valid() with { Cadence = "Fortnightly", WindowDays = "14" }).Should().BeEmpty();
        ProblemsWith(Valid() with { Cadence = "Off", WindowDays = "14" }).Should().BeEmpty();
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_nothing_is_read()
    {
        var check = ScheduleRules.Check(TeamId, new ScheduleInput("hourly", "", "noon", "Nowhere", "99", true), Now, current: null);

        check.Schedule.Should().BeNull();
        check.Problems.Should().HaveCount(5);
    }

    [Fact]
    public void The_offered_time_zones_are_about_forty_known_ones_including_UTC_and_the_tricky_ones()
    {
        ScheduleRules.OfferedTimeZoneIds.Should().OnlyHaveUniqueItems()
            .And.HaveCountGreaterThanOrEqualTo(35).And.HaveCountLessThanOrEqualTo(50)
            .And.Contain(["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"]);
        ScheduleRules.OfferedTimeZoneIds.Should().OnlyContain(id => ScheduleRules.FindTimeZone(id) != null && ScheduleRules.FindTimeZone(id)!.Id == id);
    }

    [Fact]
    public void The_interval_between_runs_is_a_week_two_weeks_or_four_weeks()
    {
        ScheduleRules.IntervalDays(ScheduleCadence.Weekly).Should().Be(7);
        ScheduleRules.IntervalDays(ScheduleCadence.Fortnightly).Should().Be(14);
        ScheduleRules.IntervalDays(ScheduleCadence.Monthly).Should().Be(28);
    }
}
