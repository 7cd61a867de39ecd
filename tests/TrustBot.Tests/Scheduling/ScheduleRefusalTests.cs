using Newtonsoft.Json.Linq;
using TrustBot.Domain.Scheduling;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;
using static TrustBot.Tests.Scheduling.ScheduleSteps;

namespace TrustBot.Tests.Scheduling;

[Collection(AzuriteCollection.Name)]
public sealed class ScheduleRefusalTests : IDisposable
{
    private readonly PulseTestbed _bed;
    private readonly ScheduleSteps _steps;

    public ScheduleRefusalTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        _steps = new ScheduleSteps(_bed);
    }

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task A_member_who_does_not_lead_gets_no_card()
    {
        await _bed.InstallAsync(Lead);

        var replies = await _bed.SayInChannelAsync(Megan, "schedule");

        ShownBy(replies).Should().Contain("Only a lead of this team can do that.");
        replies.Select(CardOf).Should().OnlyContain(card => card == null);
    }

    [Fact]
    public async Task A_member_who_saves_a_leads_card_changes_nothing()
    {
        await _bed.InstallAsync(Lead);
        var card = await _steps.CardAsync(Lead);

        var refused = await _bed.ClickAsync(Megan, SaveVerb, Filled(card));

        TextOf(refused).Should().Contain("Nothing changed").And.Contain("a team you don't lead");
        (await _steps.StoredAsync()).Should().BeNull();
    }

    [Theory]
    [InlineData("time", "9am", "Please write the time as hours and minutes on a 24-hour clock (HH:mm)")]
    [InlineData("time", "", "Please give the time pulses open")]
    [InlineData("windowDays", "8", "A weekly pulse can stay open at most 7 days")]
    [InlineData("windowDays", "15", "from 1 to 14")]
    [InlineData("cadence", "daily", "Please pick how often pulses open from the list")]
    [InlineData("day", "", "Please pick the weekday pulses open on.")]
    [InlineData("otherTimeZone", "Mars/Olympus_Mons", "That time zone isn't one I know")]
    public async Task A_bad_input_brings_the_card_back_with_the_problem_and_nothing_is_written(string input, string value, string problem)
    {
        await _bed.InstallAsync(Lead);

        var shown = await _steps.SaveAsync(Lead, (input, value));

        TextOf(shown).Should().Contain(problem).And.Contain("Pulse schedule: Contoso");
        SubmitAction(shown)["verb"]!.ToString().Should().Be(SaveVerb);
        (await _steps.StoredAsync()).Should().BeNull();
        (await _steps.PlannedAsync()).Should().NotContain(job => job.Kind == JobKind.OpenPulse);
    }

    [Fact]
    public async Task A_refused_card_keeps_what_was_typed_so_it_can_be_fixed()
    {
        await _bed.InstallAsync(Lead);

        var shown = await _steps.SaveAsync(Lead, ("time", "9am"), ("otherTimeZone", "Mars/Olympus_Mons"), ("day", "Friday"));

        ValueOf(shown, "time").Should().Be("9am");
        ValueOf(shown, "otherTimeZone").Should().Be("Mars/Olympus_Mons");
        ValueOf(shown, "day").Should().Be("Friday");
    }

    [Fact]
    public async Task A_refused_change_keeps_the_saved_schedule()
    {
        await _bed.InstallAsync(Lead);
        await _steps.SaveAsync(Lead, ("time", "10:15"));

        await _steps.SaveAsync(Lead, ("time", "25:00"));

        (await _steps.StoredAsync()).Should().BeEquivalentTo(new { Time = new TimeOnly(10, 15), Revision = 1 });
    }

    [Fact]
    public async Task Card_data_that_is_not_what_the_bot_sent_changes_nothing()
    {
        await _bed.InstallAsync(Lead);
        var data = Filled(await _steps.CardAsync(Lead));
        data["windowDays"] = new JObject { ["days"] = 3 };

        var refused = await _bed.ClickAsync(Lead, SaveVerb, data);

        TextOf(refused).Should().Contain("This card can't be used");
        (await _steps.StoredAsync()).Should().BeNull();
    }
}
