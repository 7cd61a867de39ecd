using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Actions.ActionSteps;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Actions;

[Collection(AzuriteCollection.Name)]
public sealed class ActionsDialogTests : IDisposable
{
    private readonly PulseTestbed _bed;
    private readonly ActionSteps _steps;

    public ActionsDialogTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        _steps = new ActionSteps(_bed);
    }

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task The_add_card_offers_the_teams_members_as_owners_and_dates_from_today()
    {
        await _bed.InstallAsync(Lead);

        var card = await _steps.AddCardAsync(Megan);

        var owner = card.Descendants().OfType<Newtonsoft.Json.Linq.JObject>().Single(o => (string?)o["id"] == "owner");
        owner["choices"]!.Select(c => (string)c["value"]!).Should().BeEquivalentTo(_bed.Roster.Select(m => m.MemberId));
        ((string?)owner["value"]).Should().Be(Megan.MemberId);
        card.Descendants().OfType<Newtonsoft.Json.Linq.JObject>().Single(o => (string?)o["id"] == "dueOn")["min"]!.ToString().Should().Be("2026-11-23");
        SubmitAction(card)["data"]!["teamId"]!.ToString().Should().Be(_bed.TeamId);
    }

    [Fact]
    public async Task An_action_is_added_listed_mine_first_completed_in_place_and_reopened()
    {
        await _bed.InstallAsync(Lead);
        var added = await _steps.AddAsync(Megan, "Adele's item", owner: Adele, dueOn: "2026-11-24");
        await _steps.AddAsync(Megan, "Megan's item", dueOn: "2026-12-10");

        TextOf(added).Should().Contain("Action added").And.Contain("Adele Vance").And.Contain("Reliability");
        var list = await _steps.ListAsync(Megan);
        TitlesIn(list["body"]!).Should().Equal("Megan's item", "Adele's item");

        var completed = await _steps.ClickAsync(Megan, list, "Megan's item", CompleteVerb);

        TextOf(completed).Should().Contain("\"Megan's item\" is completed").And.Contain("Done lately");
        ButtonOf(completed, "Megan's item", ReopenVerb).Should().NotBeNull();
        (await _steps.StoredAsync()).Single(i => i.Title == "Megan's item").CompletedAt.Should().Be(_bed.Clock.GetUtcNow());

        var reopened = await _steps.ClickAsync(Megan, completed, "Megan's item", ReopenVerb);

        TextOf(reopened).Should().Contain("is open again").And.NotContain("Done lately");
        (await _steps.StoredAsync()).Should().OnlyContain(i => i.CompletedAt == null);
    }

    [Fact]
    public async Task Overdue_items_are_marked()
    {
        await _bed.InstallAsync(Lead);
        await _steps.AddAsync(Megan, "Megan's item", dueOn: "2026-11-24");
        _bed.Clock.Advance(TimeSpan.FromDays(3));

        TextOf(ItemOf(await _steps.ListAsync(Megan), "Megan's item")).Should().Contain("Overdue");
    }

    [Fact]
    public async Task The_owner_reassigns_and_reschedules_their_item()
    {
        await _bed.InstallAsync(Lead);
        await _steps.AddAsync(Megan, "Megan's item");
        var list = await _steps.ListAsync(Megan);

        var reassigned = await _steps.ClickAsync(Megan, list, "Megan's item", ReassignVerb, owner: Isaiah.MemberId);
        var rescheduled = await _steps.ClickAsync(Lead, reassigned, "Megan's item", RescheduleVerb, dueOn: "2026-12-24");

        TextOf(reassigned).Should().Contain("now belongs to Isaiah Langer");
        TextOf(rescheduled).Should().Contain("now due 24 Dec 2026");
        (await _steps.StoredAsync()).Single().Should().BeEquivalentTo(new { OwnerId = Isaiah.MemberId, OwnerName = Isaiah.Name, DueOn = new DateOnly(2026, 12, 24) });
    }

    [Fact]
    public async Task A_member_cannot_change_someone_elses_item_but_a_lead_can()
    {
        await _bed.InstallAsync(Lead);
        await _steps.AddAsync(Megan, "Megan's item");
        var list = await _steps.ListAsync(Adele);

        var refused = await _steps.ClickAsync(Adele, list, "Megan's item", CompleteVerb);
        var byLead = await _steps.ClickAsync(Lead, list, "Megan's item", CompleteVerb);

        TextOf(refused).Should().Contain("Only Megan Bowen or a lead of the team can change");
        TextOf(byLead).Should().Contain("is completed");
    }

    [Fact]
    public async Task Completing_twice_says_already_completed_and_writes_nothing()
    {
        await _bed.InstallAsync(Lead);
        await _steps.AddAsync(Megan, "Megan's item");
        var list = await _steps.ListAsync(Megan);
        await _steps.ClickAsync(Megan, list, "Megan's item", CompleteVerb);
        _bed.Clock.Advance(TimeSpan.FromHours(1));

        var again = await _steps.ClickAsync(Megan, list, "Megan's item", CompleteVerb);

        TextOf(again).Should().Contain("already completed");
        (await _steps.StoredAsync()).Single().CompletedAt.Should().Be(_bed.Clock.GetUtcNow().AddHours(-1));
    }
}
