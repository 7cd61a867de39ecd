using Newtonsoft.Json.Linq;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Storage;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Actions.ActionSteps;
using static TrustBot.Tests.Pulse.PulseTestbed;
using TrustBot.Tests.Recovery.Incidents;

namespace TrustBot.Tests.Actions;

/// <summary>
/// An action item's owner is reminded the morning before it is due and once the morning after, on
/// their own calendar; the leads hear each Monday what is overdue. A change to the item (done,
/// new date, new owner, deleted) leaves the reminders it made obsolete with nothing to say, and
/// every reminder arrives once, however often its job runs.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActionReminderTests : IDisposable
{
    private const string Title = "Share the release checklist before planning";

    // The testbed's clock starts on Monday 23 November 2026, 09:00 UTC.
    private readonly PulseTestbed _bed;
    private readonly ActionSteps _steps;

    public ActionReminderTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        _steps = new ActionSteps(_bed);
    }

    public void Dispose() => _bed.Dispose();

    /// <summary>Lynne installs the bot (she leads the team) and the roster job stores its four members.</summary>
    private async Task InstallAsync()
    {
        await _bed.InstallAsync(Lead);
        await _bed.AdvanceAsync(TimeSpan.Zero);
    }

    private async Task<ActionItem> ItemAsync(string title = Title) => (await _steps.StoredAsync()).Single(item => item.Title == title);

    private IReadOnlyList<JObject> Reminders(RosterMember member, string heading) =>
        [.. _bed.CardsSentTo(member).Where(card => TextOf(card).Contains(heading, StringComparison.Ordinal))];

    /// <summary>Moves the clock to the moment given (UTC), running what is due on the way.</summary>
    private Task AdvanceToAsync(int day, int hour, int minute = 0) =>
        _bed.AdvanceAsync(new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.Zero) - _bed.Clock.GetUtcNow());

    [Fact]
    public async Task The_owner_is_reminded_the_morning_before_it_is_due_and_once_the_morning_after()
    {
        await InstallAsync();
        await _steps.AddAsync(Megan, Title, dueOn: "2026-11-26");

        await AdvanceToAsync(25, 8, 59);
        _bed.CardsSentTo(Megan).Should().BeEmpty();

        await AdvanceToAsync(25, 9);
        var reminder = Reminders(Megan, $"Due tomorrow: {Title}").Should().ContainSingle().Subject;
        TextOf(reminder).Should().Contain("26 Nov 2026").And.Contain("Reliability").And.Contain("Contoso");
        VerbsOn(reminder).Should().Equal(CompleteVerb, RescheduleVerb);

        await AdvanceToAsync(26, 23, 59);
        Reminders(Megan, "Overdue:").Should().BeEmpty("the due day is not over yet");
        await AdvanceToAsync(27, 9);
        Reminders(Megan, $"Overdue: {Title}").Should().ContainSingle();

        await _bed.AdvanceAsync(TimeSpan.FromDays(3));
        _bed.CardsSentTo(Megan).Should().HaveCount(2, "each reminder comes once");
        _bed.CardsSentTo(Adele).Should().BeEmpty();
    }

    [Fact]
    public async Task Reminders_come_on_the_owners_local_morning()
    {
        await InstallAsync();
        var data = (JObject)SubmitAction(await _steps.AddCardAsync(Megan))["data"]!.DeepClone();
        data["title"] = Title;
        data["owner"] = Megan.MemberId;
        data["dueOn"] = "2026-11-26";
        data["factor"] = "reliability";

        // Megan is in Auckland (UTC+13 in November): her 09:00 on the 25th is 20:00 UTC on the 24th.
        await new IncidentSteps(_bed).ClickInChannelAsync(Megan, AddVerb, data, localOffset: TimeSpan.FromHours(13));

        await AdvanceToAsync(24, 19, 59);
        _bed.CardsSentTo(Megan).Should().BeEmpty();
        await AdvanceToAsync(24, 20);
        Reminders(Megan, "Due tomorrow").Should().ContainSingle();
    }

    [Fact]
    public async Task An_owner_elsewhere_is_reminded_on_their_own_morning_not_on_the_one_of_the_lead_who_set_the_item()
    {
        await InstallAsync();
        // Megan's Teams client says she is in Auckland (UTC+13 in November) when she talks to the bot.
        await _bed.SayInPersonalChatAsync(Megan, "help", timeZone: "Pacific/Auckland");
        var data = (JObject)SubmitAction(await _steps.AddCardAsync(Lead))["data"]!.DeepClone();
        data["title"] = Title;
        data["owner"] = Megan.MemberId;
        data["dueOn"] = "2026-11-26";
        data["factor"] = "reliability";

        // Lynne, in New York (UTC-5), gives Megan the item: Megan's 09:00 on the 25th is 20:00 UTC on the 24th, Lynne's 14:00 UTC on the 25th.
        await new IncidentSteps(_bed).ClickInChannelAsync(Lead, AddVerb, data, localOffset: TimeSpan.FromHours(-5));

        await AdvanceToAsync(24, 19, 59);
        _bed.CardsSentTo(Megan).Should().BeEmpty();
        await AdvanceToAsync(24, 20);
        TextOf(Reminders(Megan, "Due tomorrow").Should().ContainSingle().Subject).Should().Contain("26 Nov 2026");

        // Her overdue reminder is her 09:00 on the 27th too: 20:00 UTC on the 26th.
        await AdvanceToAsync(26, 19, 59);
        Reminders(Megan, "Overdue:").Should().BeEmpty();
        await AdvanceToAsync(26, 20);
        Reminders(Megan, "Overdue:").Should().ContainSingle();
    }

    [Fact]
    public async Task A_member_who_moves_is_reminded_in_the_zone_their_client_last_reported()
    {
        await InstallAsync();
        await _bed.SayInPersonalChatAsync(Megan, "help", timeZone: "America/New_York");
        // Reykjavik keeps UTC all year; the test client's local time is UTC.
        await _bed.SayInPersonalChatAsync(Megan, "help", timeZone: "Atlantic/Reykjavik");
        await _bed.SayInPersonalChatAsync(Megan, "help");

        (await _bed.Service<ITeamStore>().GetPersonalChatAsync(Megan.MemberId, CancellationToken.None))!.TimeZoneId
            .Should().Be("Atlantic/Reykjavik", "the last zone reported wins, and a local time that agrees with it says nothing new");
    }

    [Fact]
    public async Task Completing_the_item_before_its_reminders_leaves_them_with_nothing_to_say()
    {
        await InstallAsync();
        await _steps.AddAsync(Megan, Title, dueOn: "2026-11-26");

        await _steps.ClickAsync(Megan, await _steps.ListAsync(Megan), Title, CompleteVerb);
        await AdvanceToAsync(30, 9);

        _bed.CardsSentTo(Megan).Should().BeEmpty();
        _bed.CardsSentTo(Lead).Should().BeEmpty("nothing is open, so the leads' digest has nothing to say either");
    }

    [Fact]
    public async Task A_new_due_date_moves_the_reminders_with_it()
    {
        await InstallAsync();
        await _steps.AddAsync(Megan, Title, dueOn: "2026-11-26");

        await _steps.ClickAsync(Megan, await _steps.ListAsync(Megan), Title, RescheduleVerb, dueOn: "2026-12-03");
        await AdvanceToAsync(28, 9);
        _bed.CardsSentTo(Megan).Should().BeEmpty("the old date's reminders no longer apply");

        await _bed.AdvanceAsync(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero) - _bed.Clock.GetUtcNow());
        TextOf(Reminders(Megan, $"Due tomorrow: {Title}").Should().ContainSingle().Subject).Should().Contain("3 Dec 2026");
    }

    [Fact]
    public async Task A_new_owner_gets_the_reminders_and_the_old_one_none()
    {
        await InstallAsync();
        await _steps.AddAsync(Megan, Title, dueOn: "2026-11-26");

        await _steps.ClickAsync(Megan, await _steps.ListAsync(Megan), Title, ReassignVerb, owner: Isaiah.MemberId);
        await AdvanceToAsync(27, 9);

        _bed.CardsSentTo(Megan).Should().BeEmpty();
        Reminders(Isaiah, $"Due tomorrow: {Title}").Should().ContainSingle();
        Reminders(Isaiah, $"Overdue: {Title}").Should().ContainSingle();
    }

    [Fact]
    public async Task A_deleted_item_is_not_reminded()
    {
        await InstallAsync();
        await _steps.AddAsync(Megan, Title, dueOn: "2026-11-26");

        // Megan asks to be forgotten: the items assigned to her go with her.
        await _bed.Service<DataDeletion>().ForgetMemberAsync(Megan.MemberId);
        await AdvanceToAsync(30, 9);

        _bed.CardsSentTo(Megan).Should().BeEmpty();
        _bed.CardsSentTo(Lead).Should().BeEmpty();
    }

    [Fact]
    public async Task A_reminder_whose_job_runs_twice_arrives_once()
    {
        await InstallAsync();
        await _steps.AddAsync(Megan, Title, dueOn: "2026-11-26");
        var job = (await _bed.Service<IJobStore>().GetDueAsync(DateTimeOffset.MaxValue, 100, CancellationToken.None))
            .First(j => j.Kind == JobKind.ActionReminder);
        var handler = _bed.Service<IEnumerable<IJobHandler>>().Single(h => h.Kind == JobKind.ActionReminder);

        // As after a crash between running the job and deleting it, and after the item was planned again.
        _bed.Clock.Advance(job.DueAt - _bed.Clock.GetUtcNow());
        await handler.RunAsync(job, CancellationToken.None);
        await handler.RunAsync(job, CancellationToken.None);
        await _bed.DeliverQueuedAsync();
        await _bed.Service<TrustBot.Actions.ActionReminderPlanner>().PlanAsync(await ItemAsync(), CancellationToken.None);
        await _bed.AdvanceAsync(TimeSpan.Zero);

        Reminders(Megan, "Due tomorrow").Should().ContainSingle();
    }

    [Fact]
    public async Task The_owner_completes_the_item_from_the_reminder_which_says_so_in_place()
    {
        await InstallAsync();
        await _steps.AddAsync(Megan, Title, dueOn: "2026-11-26");
        await AdvanceToAsync(25, 9);
        var reminder = Reminders(Megan, "Due tomorrow").Single();

        var updated = await _bed.ClickAsync(Megan, CompleteVerb, (JObject)IncidentSteps.ButtonOf(reminder, CompleteVerb)["data"]!);

        TextOf(updated).Should().Contain($"\"{Title}\" is completed").And.Contain("✓ Done").And.NotContain("Action items");
        VerbsOn(updated).Should().BeEmpty();
        (await ItemAsync()).IsCompleted.Should().BeTrue();
        await AdvanceToAsync(27, 9);
        Reminders(Megan, "Overdue").Should().BeEmpty();
    }

    [Fact]
    public async Task The_owner_picks_a_new_date_from_the_overdue_reminder_and_is_reminded_before_it()
    {
        await InstallAsync();
        await _steps.AddAsync(Megan, Title, dueOn: "2026-11-24");
        await AdvanceToAsync(25, 9);
        var overdue = Reminders(Megan, $"Overdue: {Title}").Should().ContainSingle().Subject;

        var data = (JObject)IncidentSteps.ButtonOf(overdue, RescheduleVerb)["data"]!.DeepClone();
        data[$"dueOn.{data["itemId"]}"] = "2026-11-27";
        var updated = await _bed.ClickAsync(Megan, RescheduleVerb, data);

        TextOf(updated).Should().Contain("is now due 27 Nov 2026");
        (await ItemAsync()).DueOn.Should().Be(new DateOnly(2026, 11, 27));
        await AdvanceToAsync(26, 9);
        Reminders(Megan, "Due tomorrow").Should().ContainSingle();
    }

    [Fact]
    public async Task A_date_in_the_past_from_the_reminder_is_refused_on_the_reminder_and_nothing_changes()
    {
        await InstallAsync();
        await _steps.AddAsync(Megan, Title, dueOn: "2026-11-24");
        await AdvanceToAsync(25, 9);
        var overdue = Reminders(Megan, "Overdue").Single();

        var data = (JObject)IncidentSteps.ButtonOf(overdue, RescheduleVerb)["data"]!.DeepClone();
        data[$"dueOn.{data["itemId"]}"] = "2026-11-20";
        var refused = await _bed.ClickAsync(Megan, RescheduleVerb, data);
        data[$"dueOn.{data["itemId"]}"] = "next week";
        var unreadable = await _bed.ClickAsync(Megan, RescheduleVerb, data);

        TextOf(refused).Should().Contain("in the past");
        TextOf(unreadable).Should().Contain("isn't one I can read");
        (await ItemAsync()).DueOn.Should().Be(new DateOnly(2026, 11, 24));
    }

    [Fact]
    public async Task A_reminder_edited_to_name_another_view_or_team_is_refused()
    {
        await InstallAsync();
        await _steps.AddAsync(Megan, Title, dueOn: "2026-11-26");
        await AdvanceToAsync(25, 9);
        var data = (JObject)IncidentSteps.ButtonOf(Reminders(Megan, "Due tomorrow").Single(), CompleteVerb)["data"]!.DeepClone();

        data["view"] = "something-else";
        var badView = await _bed.ClickAsync(Megan, CompleteVerb, data);
        data["view"] = "reminder";
        data["teamId"] = "19:another-team@thread.tacv2";
        var otherTeam = await _bed.ClickAsync(Megan, CompleteVerb, data);

        TextOf(badView).Should().Contain("This card can't be used");
        TextOf(otherTeam).Should().Contain("not a member of");
        (await ItemAsync()).IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task Each_Monday_the_leads_hear_which_items_are_overdue_and_whose_they_are()
    {
        await InstallAsync();
        await _steps.AddAsync(Megan, Title, dueOn: "2026-11-24");
        await _steps.AddAsync(Megan, "Book the retro room", owner: Adele, dueOn: "2026-12-20");

        await AdvanceToAsync(30, 8, 59);
        Reminders(Lead, "Overdue actions this week").Should().BeEmpty();
        await AdvanceToAsync(30, 9);

        var digest = Reminders(Lead, "Overdue actions this week").Should().ContainSingle().Subject;
        TextOf(digest).Should().Contain(Title).And.Contain("Megan Bowen").And.Contain("1 of the team's 2 open actions are overdue").And.NotContain("Book the retro room");
        Reminders(Megan, "Overdue actions this week").Should().BeEmpty("the digest is for the leads");

        await _bed.AdvanceAsync(TimeSpan.FromDays(7));
        Reminders(Lead, "Overdue actions this week").Should().HaveCount(2, "it comes each week while something is overdue");

        await _steps.ClickAsync(Lead, await _steps.ListAsync(Lead), Title, CompleteVerb);
        await _bed.AdvanceAsync(TimeSpan.FromDays(7));
        Reminders(Lead, "Overdue actions this week").Should().HaveCount(2, "nothing is overdue this week");
    }

    [Fact]
    public async Task The_digest_is_planned_once_a_week_however_many_items_are_added()
    {
        await InstallAsync();
        await _steps.AddAsync(Megan, "One", dueOn: "2026-11-24");
        await _steps.AddAsync(Megan, "Two", dueOn: "2026-11-24");
        await _steps.AddAsync(Adele, "Three", dueOn: "2026-11-24");

        var digests = (await _bed.Service<IJobStore>().GetDueAsync(DateTimeOffset.MaxValue, 100, CancellationToken.None)).Where(j => j.Kind == JobKind.ActionDigest);
        digests.Should().ContainSingle().Which.DueAt.Should().Be(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

        await AdvanceToAsync(30, 9);
        Reminders(Lead, "Overdue actions this week").Should().ContainSingle();
    }

    private static IReadOnlyList<string> VerbsOn(JContainer card) => IncidentSteps.VerbsOn(card);
}
