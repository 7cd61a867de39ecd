using TrustBot.Domain.Scheduling;

namespace TrustBot.Domain.Tests.Scheduling;

/// <summary>
/// When runs open, across the 2026 daylight-saving changes of four zones: Berlin and New York
/// (one-hour shifts on different dates), Lord Howe Island (a 30-minute shift) and Kolkata (none).
/// </summary>
public sealed class ScheduleCalendarTests
{
    private static TeamSchedule Schedule(string zone, DayOfWeek day, int hour, int minute = 0, ScheduleCadence cadence = ScheduleCadence.Weekly, DateOnly? startsOn = null) =>
        new("19:contoso@thread.tacv2", cadence, day, new TimeOnly(hour, minute), zone, 3, true, startsOn ?? new DateOnly(2026, 1, 1), 1);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static IReadOnlyList<DateTimeOffset> Runs(TeamSchedule schedule, DateTimeOffset after, int count = 3) => ScheduleCalendar.NextRuns(schedule, after, count);

    [Fact]
    public void A_9_oclock_run_in_Berlin_stays_at_9_local_when_the_clocks_go_forward_and_back()
    {
        var monday9 = Schedule("Europe/Berlin", DayOfWeek.Monday, 9);

        Runs(monday9, Utc(3, 20, 0)).Should().Equal(Utc(3, 23, 8), Utc(3, 30, 7), Utc(4, 6, 7));
        Runs(monday9, Utc(10, 18, 0), 2).Should().Equal(Utc(10, 19, 7), Utc(10, 26, 8));
    }

    [Fact]
    public void A_time_Berlin_skips_in_spring_opens_at_the_jump_and_is_back_at_its_time_a_week_later()
    {
        // 29 March 2026: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist that night.
        var sunday0230 = Schedule("Europe/Berlin", DayOfWeek.Sunday, 2, 30);

        Runs(sunday0230, Utc(3, 23, 0)).Should().Equal(Utc(3, 29, 1), Utc(4, 5, 0, 30), Utc(4, 12, 0, 30));
    }

    [Fact]
    public void A_time_Berlin_repeats_in_autumn_opens_once_at_its_first_occurrence()
    {
        // 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens at 00:30 and again at 01:30 UTC.
        var sunday0230 = Schedule("Europe/Berlin", DayOfWeek.Sunday, 2, 30);

        Runs(sunday0230, Utc(10, 19, 0), 2).Should().Equal(Utc(10, 25, 0, 30), Utc(11, 1, 1, 30));
        Runs(sunday0230, Utc(10, 25, 0, 30), 1).Should().Equal(Utc(11, 1, 1, 30));
        Runs(sunday0230, Utc(10, 25, 1, 0), 1).Should().Equal([Utc(11, 1, 1, 30)], "the repeated 02:30 after the clocks went back is not a second run");
    }

    [Fact]
    public void New_York_keeps_9_local_and_moves_a_skipped_time_forward_and_runs_a_repeated_one_once()
    {
        // 8 March 2026: 02:00 EST becomes 03:00 EDT. 1 November 2026: 02:00 EDT becomes 01:00 EST.
        Runs(Schedule("America/New_York", DayOfWeek.Monday, 9), Utc(3, 1, 0), 2).Should().Equal(Utc(3, 2, 14), Utc(3, 9, 13));
        Runs(Schedule("America/New_York", DayOfWeek.Monday, 9), Utc(10, 25, 0), 2).Should().Equal(Utc(10, 26, 13), Utc(11, 2, 14));
        Runs(Schedule("America/New_York", DayOfWeek.Sunday, 2, 30), Utc(3, 7, 0), 2).Should().Equal(Utc(3, 8, 7), Utc(3, 15, 6, 30));
        Runs(Schedule("America/New_York", DayOfWeek.Sunday, 1, 30), Utc(10, 30, 0), 2).Should().Equal(Utc(11, 1, 5, 30), Utc(11, 8, 6, 30));
    }

    [Fact]
    public void Lord_Howe_Island_shifts_by_half_an_hour_and_runs_stay_at_local_time()
    {
        var monday9 = Schedule("Australia/Lord_Howe", DayOfWeek.Monday, 9);

        // 5 April 2026: 02:00 (UTC+11) becomes 01:30 (UTC+10:30).
        Runs(monday9, Utc(3, 28, 0), 2).Should().Equal(Utc(3, 29, 22), Utc(4, 5, 22, 30));
        // 4 October 2026: 02:00 (UTC+10:30) becomes 02:30 (UTC+11).
        Runs(monday9, Utc(9, 26, 0), 2).Should().Equal(Utc(9, 27, 22, 30), Utc(10, 4, 22));
    }

    [Fact]
    public void Lord_Howe_Island_moves_a_skipped_time_to_the_end_of_its_half_hour_gap_and_runs_a_repeated_one_once()
    {
        // 02:15 does not exist on 4 October: it opens at 02:30 (UTC+11), then at 02:15 a week later.
        Runs(Schedule("Australia/Lord_Howe", DayOfWeek.Sunday, 2, 15), Utc(9, 28, 0), 2).Should().Equal(Utc(10, 3, 15, 30), Utc(10, 10, 15, 15));
        // 01:45 happens twice on 5 April (UTC+11, then UTC+10:30): it opens once, at the first.
        Runs(Schedule("Australia/Lord_Howe", DayOfWeek.Sunday, 1, 45), Utc(3, 30, 0), 2).Should().Equal(Utc(4, 4, 14, 45), Utc(4, 11, 15, 15));
    }

    [Fact]
    public void Kolkata_has_no_daylight_saving_so_a_year_of_runs_is_always_at_03_30_UTC()
    {
        var runs = Runs(Schedule("Asia/Kolkata", DayOfWeek.Monday, 9), Utc(1, 1, 0), 52);

        runs.Should().HaveCount(52).And.OnlyContain(run => run.TimeOfDay == new TimeSpan(3, 30, 0) && run.DayOfWeek == DayOfWeek.Monday);
        runs.Zip(runs.Skip(1), (earlier, later) => later - earlier).Should().AllBeEquivalentTo(TimeSpan.FromDays(7));
    }

    [Fact]
    public void Runs_are_in_UTC_and_strictly_after_the_given_instant()
    {
        var monday9 = Schedule("Europe/Berlin", DayOfWeek.Monday, 9);

        var runs = Runs(monday9, Utc(11, 23, 8));

        runs.Should().Equal(Utc(11, 30, 8), Utc(12, 7, 8), Utc(12, 14, 8));
        runs.Should().OnlyContain(run => run.Offset == TimeSpan.Zero);
        Runs(monday9, Utc(11, 23, 7, 59), 1).Should().Equal(Utc(11, 23, 8));
    }

    [Fact]
    public void Fortnightly_runs_fall_in_the_weeks_an_even_number_of_Monday_based_weeks_from_the_start()
    {
        // Saved on Wednesday 25 November 2026: its week starts Monday 23 November.
        var startsOn = new DateOnly(2026, 11, 25);

        Runs(Schedule("UTC", DayOfWeek.Monday, 9, cadence: ScheduleCadence.Fortnightly, startsOn: startsOn), Utc(11, 25, 12))
            .Should().Equal(Utc(12, 7, 9), Utc(12, 21, 9), Utc(1, 4, 9, year: 2027));
        // Sunday 29 November ends the start week, so it is a run.
        Runs(Schedule("UTC", DayOfWeek.Sunday, 9, cadence: ScheduleCadence.Fortnightly, startsOn: startsOn), Utc(11, 25, 12))
            .Should().Equal(Utc(11, 29, 9), Utc(12, 13, 9), Utc(12, 27, 9));
    }

    [Fact]
    public void Fortnightly_runs_keep_their_weeks_and_local_time_across_a_daylight_saving_change()
    {
        var schedule = Schedule("Europe/Berlin", DayOfWeek.Monday, 9, cadence: ScheduleCadence.Fortnightly, startsOn: new DateOnly(2026, 3, 2));

        Runs(schedule, Utc(3, 1, 0)).Should().Equal(Utc(3, 2, 8), Utc(3, 16, 8), Utc(3, 30, 7));
    }

    [Fact]
    public void Monthly_runs_open_on_the_first_of_the_weekday_in_each_month()
    {
        Runs(Schedule("UTC", DayOfWeek.Monday, 9, cadence: ScheduleCadence.Monthly), Utc(11, 23, 0))
            .Should().Equal(Utc(12, 7, 9), Utc(1, 4, 9, year: 2027), Utc(2, 1, 9, year: 2027));
        Runs(Schedule("Europe/Berlin", DayOfWeek.Monday, 9, cadence: ScheduleCadence.Monthly), Utc(2, 15, 0), 2)
            .Should().Equal(Utc(3, 2, 8), Utc(4, 6, 7));
    }

    [Fact]
    public void A_schedule_that_is_off_has_no_runs_and_asking_for_none_gives_none()
    {
        Runs(Schedule("Europe/Berlin", DayOfWeek.Monday, 9, cadence: ScheduleCadence.Off), Utc(11, 23, 0)).Should().BeEmpty();
        Runs(Schedule("Europe/Berlin", DayOfWeek.Monday, 9), Utc(11, 23, 0), 0).Should().BeEmpty();
    }

    [Fact]
    public void A_schedule_with_an_unknown_time_zone_is_refused()
    {
        var act = () => Runs(Schedule("Mars/Olympus_Mons", DayOfWeek.Monday, 9), Utc(11, 23, 0));

        act.Should().Throw<ArgumentException>().WithMessage("*Mars/Olympus_Mons*");
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-25", "2026-11-23")]
    [InlineData("2026-11-29", "2026-11-23")]
    [InlineData("2026-11-30", "2026-11-30")]
    public void A_week_starts_on_Monday(string day, string monday) =>
        ScheduleCalendar.WeekStart(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture));
}
