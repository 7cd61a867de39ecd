using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Observations;
using TrustBot.Storage.Observations;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Observations;

[Collection(AzuriteCollection.Name)]
public sealed class TableObservationStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string TeamId = "19:abc@thread.tacv2";
    private const string OtherTeamId = "19:meeting_Zm9v@thread.v2";
    private const string Lead = "29:1AbC/+x==";
    private const string OtherLead = "8:orgid:6f1c2d0e-0000-4000-8000-000000000001";
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private TestStorage _storage = null!;
    private TableObservationStore _store = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotObservationStore());
        _store = new TableObservationStore(_storage.Tables);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private static Observation Logged(string teamId, DateTimeOffset loggedAt, string loggedBy = Lead, string text = "Planning ran over; nobody said why.") => new(
        teamId,
        ObservationIds.New(loggedAt, Guid.NewGuid()),
        ObservationKind.GoSee,
        text,
        ["reliability", "openness"],
        ObservationEffect.Hurts,
        DateOnly.FromDateTime(loggedAt.UtcDateTime).AddDays(-1),
        loggedAt,
        loggedBy);

    [Fact]
    public async Task A_saved_observation_round_trips_field_for_field()
    {
        var observation = Logged(TeamId, Monday, text: "Ünïcode, \"quotes\", | and / survive\nacross lines.") with
        {
            Kind = ObservationKind.Interview,
            Effect = ObservationEffect.Neutral,
            FactorIds = ["safety"],
        };

        await _store.SaveAsync(observation, default);

        (await _store.GetRecentAsync(TeamId, 10, default)).Should().ContainSingle().Which.Should().BeEquivalentTo(observation);
    }

    [Fact]
    public async Task Recent_observations_come_newest_first_and_stop_at_the_count()
    {
        var logged = Enumerable.Range(0, 12).Select(i => Logged(TeamId, Monday.AddMinutes(i))).ToList();
        foreach (var observation in logged.OrderBy(_ => Guid.NewGuid()))
        {
            await _store.SaveAsync(observation, default);
        }

        var recent = await _store.GetRecentAsync(TeamId, 10, default);

        recent.Select(o => o.LoggedAt).Should().Equal(logged.Select(o => o.LoggedAt).Reverse().Take(10));
    }

    [Fact]
    public async Task A_team_sees_only_its_own_observations()
    {
        await _store.SaveAsync(Logged(TeamId, Monday), default);
        await _store.SaveAsync(Logged(OtherTeamId, Monday, OtherLead), default);

        (await _store.GetRecentAsync(TeamId, 10, default)).Should().ContainSingle().Which.TeamId.Should().Be(TeamId);
        (await _store.GetRecentAsync("19:nobody@thread.tacv2", 10, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Saving_the_same_observation_again_keeps_one_row()
    {
        var observation = Logged(TeamId, Monday);

        await _store.SaveAsync(observation, default);
        await _store.SaveAsync(observation, default);

        (await _store.GetRecentAsync(TeamId, 10, default)).Should().ContainSingle();
    }

    [Fact]
    public async Task An_id_that_is_not_an_observation_id_is_refused_before_anything_is_written()
    {
        var act = () => _store.SaveAsync(Logged(TeamId, Monday) with { Id = "../../other" }, default);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*not an observation id*");
        (await _store.GetRecentAsync(TeamId, 10, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_row_names_the_lead_as_member_key_and_stores_no_one_else()
    {
        var observation = Logged(TeamId, Monday);
        await _store.SaveAsync(observation, default);

        var entity = (await _storage.Table("Observations").GetAsync(TableKey.Encode(TeamId), observation.Id))!;

        entity[TableRegistration.MemberKeyProperty].Should().Be(Lead);
        entity.Keys.Should().BeEquivalentTo(
            ["odata.etag", "PartitionKey", "RowKey", "Timestamp", "Kind", "Text", "FactorIds", "Effect", "ObservedOn", "LoggedAt", "MemberKey"]);
        entity.GetString("ObservedOn").Should().Be("2026-11-22");
    }

    [Fact]
    public async Task Forgetting_a_lead_removes_what_they_logged_and_leaves_the_rest()
    {
        await _store.SaveAsync(Logged(TeamId, Monday), default);
        await _store.SaveAsync(Logged(OtherTeamId, Monday, Lead), default);
        var kept = Logged(TeamId, Monday.AddHours(1), OtherLead);
        await _store.SaveAsync(kept, default);

        await _storage.Deletion.ForgetMemberAsync(Lead);

        (await _store.GetRecentAsync(TeamId, 10, default)).Should().ContainSingle().Which.Id.Should().Be(kept.Id);
        (await _store.GetRecentAsync(OtherTeamId, 10, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Deleting_a_team_removes_its_observations()
    {
        await _store.SaveAsync(Logged(TeamId, Monday), default);
        await _store.SaveAsync(Logged(OtherTeamId, Monday, OtherLead), default);

        await _storage.Deletion.DeleteTeamAsync(TeamId);

        (await _store.GetRecentAsync(TeamId, 10, default)).Should().BeEmpty();
        (await _store.GetRecentAsync(OtherTeamId, 10, default)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_row_with_a_malformed_date_fails_loudly_instead_of_inventing_one()
    {
        var observation = Logged(TeamId, Monday);
        await _store.SaveAsync(observation, default);
        var table = _storage.Table("Observations");
        var entity = (await table.GetAsync(TableKey.Encode(TeamId), observation.Id))!;
        entity["ObservedOn"] = "23/11/2026";
        await table.UpsertAsync(entity);

        var act = () => _store.GetRecentAsync(TeamId, 10, default);

        await act.Should().ThrowAsync<InvalidDataException>().WithMessage("*ObservedOn*");
    }

    [Fact]
    public void The_registration_marks_the_table_as_holding_member_data_and_gives_one_store()
    {
        var services = new ServiceCollection().AddTrustBotObservationStore();

        services.Where(d => d.ServiceType == typeof(TableRegistration)).Select(d => d.ImplementationInstance)
            .Should().Equal(new TableRegistration("Observations", holdsMemberData: true), new TableRegistration("Teams", holdsMemberData: false));
        services.Should().ContainSingle(d => d.ServiceType == typeof(IObservationStore) && d.Lifetime == ServiceLifetime.Singleton
            && d.ImplementationType == typeof(TableObservationStore));
    }
}
