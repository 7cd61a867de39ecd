using Azure.Data.Tables;
using TrustBot.Domain.Recovery;
using TrustBot.Storage.Recovery;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Recovery;

[Collection(AzuriteCollection.Name)]
public sealed class TableIncidentStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string TeamId = "19:abc/+x==@thread.tacv2";
    private const string OtherTeamId = "19:meeting_Zm9v@thread.v2";
    private const string Megan = "aad-megan/+0002";
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private TestStorage _storage = null!;
    private TableIncidentStore _store = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotIncidentStore());
        _store = new TableIncidentStore(_storage.Tables);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private static Incident Declared(string teamId, DateTimeOffset at, IncidentSource source = IncidentSource.Member, string? externalId = null) =>
        IncidentRules.Declare(
            new IncidentDraft(
                "Release slipped 🙈 without warning",
                "We promised the release for Friday, and told nobody when it slipped.\nSupport found out from customers.",
                IncidentSeverity.Major,
                at.AddHours(-2),
                ["reliability", "openness"],
                IncidentVisibility.LeadsOnly,
                externalId),
            teamId,
            source,
            source == IncidentSource.Webhook ? null : Megan,
            source == IncidentSource.Webhook ? null : "Megan Bowen",
            at,
            Guid.NewGuid());

    [Fact]
    public async Task An_incident_round_trips_awaiting_active_and_closed()
    {
        var incident = Declared(TeamId, Monday);
        await _store.AddAsync(incident, default);

        (await _store.GetAsync(TeamId, incident.Id, default)).Should().BeEquivalentTo(incident);

        var accepted = await _store.UpdateAsync(TeamId, incident.Id, i => IncidentRules.Accept(i, [RecoveryStep.Acknowledge, RecoveryStep.RecoveryPulse], Monday.AddHours(1)), default);
        var closed = await _store.UpdateAsync(TeamId, incident.Id, i => IncidentRules.Close(i, Monday.AddDays(3)), default);

        accepted!.Plan.Should().Equal(RecoveryStep.Acknowledge, RecoveryStep.RecoveryPulse);
        (await _store.GetAsync(TeamId, incident.Id, default)).Should().BeEquivalentTo(closed).And.BeEquivalentTo(new
        {
            State = IncidentState.Closed,
            AcceptedAt = (DateTimeOffset?)Monday.AddHours(1),
            ClosedAt = (DateTimeOffset?)Monday.AddDays(3),
            Plan = new[] { RecoveryStep.Acknowledge, RecoveryStep.RecoveryPulse },
        });
    }

    [Fact]
    public async Task A_tools_incident_round_trips_without_a_declarer_and_is_found_by_its_external_id_in_its_team_only()
    {
        var incident = Declared(TeamId, Monday, IncidentSource.Webhook, "PD-4711 'quoted'");
        await _store.AddAsync(incident, default);
        await _store.AddAsync(Declared(TeamId, Monday.AddMinutes(1), IncidentSource.Webhook, "PD-4712"), default);

        (await _store.FindByExternalIdAsync(TeamId, "PD-4711 'quoted'", default)).Should().BeEquivalentTo(incident);
        (await _store.FindByExternalIdAsync(TeamId, "PD-47", default)).Should().BeNull();
        (await _store.FindByExternalIdAsync(OtherTeamId, "PD-4711 'quoted'", default)).Should().BeNull();
    }

    [Fact]
    public async Task A_teams_incidents_come_back_newest_first_and_no_other_teams()
    {
        var first = Declared(TeamId, Monday);
        var second = Declared(TeamId, Monday.AddMinutes(1));
        foreach (var incident in new[] { first, Declared(OtherTeamId, Monday), second })
        {
            await _store.AddAsync(incident, default);
        }

        (await _store.GetAllAsync(TeamId, default)).Select(i => i.Id).Should().Equal(second.Id, first.Id);
    }

    [Fact]
    public async Task Adding_the_same_incident_twice_stores_it_once()
    {
        var incident = Declared(TeamId, Monday);

        await _store.AddAsync(incident, default);
        await _store.AddAsync(incident, default);

        (await _store.GetAllAsync(TeamId, default)).Should().ContainSingle();
    }

    [Fact]
    public async Task Another_teams_incident_or_a_refused_change_is_not_written()
    {
        var theirs = Declared(OtherTeamId, Monday);
        var ours = Declared(TeamId, Monday, IncidentSource.Lead);
        await _store.AddAsync(theirs, default);
        await _store.AddAsync(ours, default);

        (await _store.UpdateAsync(TeamId, theirs.Id, i => IncidentRules.Dismiss(i, Monday), default)).Should().BeNull();
        (await _store.UpdateAsync(TeamId, ours.Id, i => IncidentRules.Dismiss(i, Monday), default)).Should().BeNull();

        (await _store.GetAsync(OtherTeamId, theirs.Id, default))!.State.Should().Be(IncidentState.AwaitingLead);
        (await _store.GetAsync(TeamId, ours.Id, default))!.State.Should().Be(IncidentState.Active);
    }

    [Fact]
    public async Task Incidents_racing_with_one_external_id_store_one_and_each_gets_it_back()
    {
        var racing = Enumerable.Range(0, 10).Select(i => Declared(TeamId, Monday.AddSeconds(i), IncidentSource.Webhook, "PD-12345 / ünïcode")).ToList();

        var stored = await Task.WhenAll(racing.Select(incident => _store.AddAsync(incident, default)));

        var only = (await _store.GetAllAsync(TeamId, default)).Should().ContainSingle("the index rows are not incidents").Subject;
        stored.Should().AllSatisfy(incident => incident.Should().BeEquivalentTo(only));
        (await _store.FindByExternalIdAsync(TeamId, "PD-12345 / ünïcode", default)).Should().BeEquivalentTo(only);
        (await _store.FindByExternalIdAsync(OtherTeamId, "PD-12345 / ünïcode", default)).Should().BeNull();
    }

    [Fact]
    public async Task A_change_that_loses_a_race_writes_nothing()
    {
        var incident = Declared(TeamId, Monday);
        await _store.AddAsync(incident, default);

        var lost = await _store.UpdateAsync(TeamId, incident.Id, i =>
        {
            // Another lead dismisses it between this accept's read and its write.
            _store.UpdateAsync(TeamId, incident.Id, other => IncidentRules.Dismiss(other, Monday), default).GetAwaiter().GetResult().Should().NotBeNull();
            return IncidentRules.Accept(i, RecoveryPlan.AllSteps, Monday);
        }, default);

        lost.Should().BeNull();
        (await _store.GetAsync(TeamId, incident.Id, default))!.State.Should().Be(IncidentState.Dismissed);
    }

    [Fact]
    public async Task Ids_not_made_by_IncidentIds_are_refused_before_any_call()
    {
        var add = () => _store.AddAsync(Declared(TeamId, Monday) with { Id = "../other" }, default);

        await add.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task The_row_names_the_declarer_as_its_member_key_and_lists_as_json()
    {
        var incident = Declared(TeamId, Monday);
        await _store.AddAsync(incident, default);

        var entity = (await _storage.Table("Incidents").GetAsync(TableKey.Encode(TeamId), incident.Id))!;

        entity[TableRegistration.MemberKeyProperty].Should().Be(Megan);
        entity.GetString("FactorIds").Should().Be("[\"reliability\",\"openness\"]");
        entity.GetString("Plan").Should().Be("[]");
        entity.GetString("State").Should().Be("AwaitingLead");
    }

    [Fact]
    public async Task Forgetting_the_declarer_removes_what_they_declared_and_leaves_the_rest()
    {
        await _store.AddAsync(Declared(TeamId, Monday), default);
        var tools = Declared(TeamId, Monday.AddMinutes(1), IncidentSource.Webhook, "PD-1");
        await _store.AddAsync(tools, default);

        await _storage.Deletion.ForgetMemberAsync(Megan);

        (await _store.GetAllAsync(TeamId, default)).Should().ContainSingle().Which.Id.Should().Be(tools.Id);
    }

    [Fact]
    public async Task Deleting_a_team_removes_its_incidents()
    {
        await _store.AddAsync(Declared(TeamId, Monday), default);
        await _store.AddAsync(Declared(OtherTeamId, Monday), default);

        await _storage.Deletion.DeleteTeamAsync(TeamId);

        (await _store.GetAllAsync(TeamId, default)).Should().BeEmpty();
        (await _store.GetAllAsync(OtherTeamId, default)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_row_with_an_unknown_step_fails_loudly_instead_of_inventing_a_plan()
    {
        var incident = Declared(TeamId, Monday);
        await _store.AddAsync(incident, default);
        var table = _storage.Table("Incidents");
        var entity = (await table.GetAsync(TableKey.Encode(TeamId), incident.Id))!;
        entity["Plan"] = "[\"Acknowledge\",\"Party\"]";
        await table.UpsertAsync(entity);

        var read = () => _store.GetAsync(TeamId, incident.Id, default);

        await read.Should().ThrowAsync<InvalidDataException>().WithMessage("*Party*");
    }
}
