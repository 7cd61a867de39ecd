using TrustBot.Domain.Actions;
using TrustBot.Domain.Recovery;
using TrustBot.Storage.Actions;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Actions;

[Collection(AzuriteCollection.Name)]
public sealed class TableActionItemStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string TeamId = "19:abc/+x==@thread.tacv2";
    private const string OtherTeamId = "19:meeting_Zm9v@thread.v2";
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly ActionActor Owner = new("29:1AbC/+x==", IsLead: false);
    private TestStorage _storage = null!;
    private TableActionItemStore _store = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotActionStore());
        _store = new TableActionItemStore(_storage.Tables);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private static ActionItem Item(string teamId, DateTimeOffset createdAt, string title = "Share the release checklist 🤝 before planning") =>
        new ActionDraft(title, Owner.MemberId, new DateOnly(2026, 12, 1), "reliability").ToItem(teamId, "Megan Bowen", "aad-adele", createdAt, Guid.NewGuid());

    [Fact]
    public async Task An_item_round_trips_open_and_completed()
    {
        var item = Item(TeamId, Monday);
        await _store.AddAsync(item, default);

        (await _store.GetAllAsync(TeamId, default)).Should().ContainSingle().Which.Should().Be(item);

        var update = await _store.UpdateAsync(TeamId, item.Id, new CompleteAction(Monday.AddDays(1)), Owner, default);

        update.Outcome.Should().Be(ActionUpdateOutcome.Updated);
        (await _store.GetAllAsync(TeamId, default)).Should().ContainSingle().Which.Should().Be(item with { CompletedAt = Monday.AddDays(1) });
    }

    [Fact]
    public async Task An_item_from_an_incidents_retrospective_keeps_its_incident_and_one_added_on_its_own_has_none()
    {
        var incidentId = IncidentIds.New(Monday.AddDays(-2), Guid.NewGuid());
        var fromIncident = Item(TeamId, Monday) with { IncidentId = incidentId };
        var onItsOwn = Item(TeamId, Monday.AddMinutes(1));
        await _store.AddAsync(fromIncident, default);
        await _store.AddAsync(onItsOwn, default);

        (await _store.GetAllAsync(TeamId, default)).Select(item => item.IncidentId).Should().Equal(incidentId, null);
    }

    [Fact]
    public async Task A_teams_items_come_back_in_the_order_they_were_added_and_no_other_teams()
    {
        var first = Item(TeamId, Monday);
        var second = Item(TeamId, Monday.AddMinutes(1));
        foreach (var item in new[] { second, Item(OtherTeamId, Monday), first })
        {
            await _store.AddAsync(item, default);
        }

        (await _store.GetAllAsync(TeamId, default)).Should().Equal(first, second);
    }

    [Fact]
    public async Task Another_teams_item_is_not_found_and_stays_unchanged()
    {
        var theirs = Item(OtherTeamId, Monday);
        await _store.AddAsync(theirs, default);

        var update = await _store.UpdateAsync(TeamId, theirs.Id, new CompleteAction(Monday), Owner, default);

        update.Outcome.Should().Be(ActionUpdateOutcome.NotFound);
        (await _store.GetAllAsync(OtherTeamId, default)).Should().ContainSingle().Which.Should().Be(theirs);
    }

    [Fact]
    public async Task A_refused_change_writes_nothing()
    {
        var item = Item(TeamId, Monday) with { CompletedAt = Monday };
        await _store.AddAsync(item, default);

        var update = await _store.UpdateAsync(TeamId, item.Id, new CompleteAction(Monday.AddDays(1)), Owner, default);

        update.Should().BeEquivalentTo(new { Outcome = ActionUpdateOutcome.Refused, Item = item });
        (await _store.GetAllAsync(TeamId, default)).Single().CompletedAt.Should().Be(Monday);
    }

    [Fact]
    public async Task A_change_that_loses_a_race_writes_nothing_and_reports_the_item_as_it_now_stands()
    {
        var item = Item(TeamId, Monday);
        await _store.AddAsync(item, default);
        var racing = new RacingReschedule(() => _store.UpdateAsync(TeamId, item.Id, new ReassignAction("aad-adele", "Adele Vance"), Owner, default));

        var update = await _store.UpdateAsync(TeamId, item.Id, racing, Owner, default);

        var winner = item with { OwnerId = "aad-adele", OwnerName = "Adele Vance" };
        update.Should().BeEquivalentTo(new { Outcome = ActionUpdateOutcome.Conflict, Item = winner });
        (await _store.GetAllAsync(TeamId, default)).Should().ContainSingle().Which.Should().Be(winner);
    }

    // Another writer changes the item between this change's read and its write.
    private sealed record RacingReschedule(Func<Task<ActionUpdate>> Other) : ActionChange
    {
        protected override ActionOutcome Change(ActionItem item)
        {
            Other().GetAwaiter().GetResult().Outcome.Should().Be(ActionUpdateOutcome.Updated);
            return ActionOutcome.Changed(item with { DueOn = item.DueOn.AddDays(7) });
        }
    }
}
