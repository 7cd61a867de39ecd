using Azure.Data.Tables;
using TrustBot.Domain.Scheduling;
using TrustBot.Storage.Scheduling;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Scheduling;

[Collection(AzuriteCollection.Name)]
public sealed class TableTeamScheduleStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string TeamId = "19:abc/+x==@thread.tacv2";
    private const string OtherTeamId = "19:meeting_Zm9v@thread.v2";
    private TestStorage _storage = null!;
    private TableTeamScheduleStore _store = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotScheduleStore());
        _store = new TableTeamScheduleStore(_storage.Tables);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private static TeamSchedule Schedule(string teamId = TeamId, int hour = 9) =>
        new(teamId, ScheduleCadence.Fortnightly, DayOfWeek.Thursday, new TimeOnly(hour, 30), "Australia/Lord_Howe", 5, false, new DateOnly(2026, 11, 25), Revision: 0);

    [Fact]
    public async Task A_team_without_a_schedule_has_none()
    {
        (await _store.GetAsync(TeamId, default)).Should().BeNull();
    }

    [Fact]
    public async Task A_saved_schedule_reads_back_as_revision_1()
    {
        var saved = await _store.SaveAsync(Schedule(), default);

        saved.Should().Be(Schedule() with { Revision = 1 });
        (await _store.GetAsync(TeamId, default)).Should().Be(saved);
    }

    [Fact]
    public async Task Every_save_replaces_the_schedule_with_the_next_revision_whatever_revision_it_carries()
    {
        await _store.SaveAsync(Schedule(hour: 8), default);
        await _store.SaveAsync(Schedule(hour: 9) with { Revision = 42 }, default);

        var third = await _store.SaveAsync(Schedule(hour: 10), default);

        third.Revision.Should().Be(3);
        (await _store.GetAsync(TeamId, default)).Should().Be(Schedule(hour: 10) with { Revision = 3 });
    }

    [Fact]
    public async Task Saves_that_race_are_both_applied_with_distinct_revisions_and_the_later_one_wins()
    {
        var revisions = new List<int>();
        for (var round = 0; round < 5; round++)
        {
            var pair = await Task.WhenAll(_store.SaveAsync(Schedule(hour: 8), default), _store.SaveAsync(Schedule(hour: 20), default));
            revisions.AddRange(pair.Select(saved => saved.Revision));
        }

        revisions.Should().BeEquivalentTo(Enumerable.Range(1, 10));
        var stored = await _store.GetAsync(TeamId, default);
        stored!.Revision.Should().Be(10);
    }

    [Fact]
    public async Task Teams_have_schedules_of_their_own()
    {
        await _store.SaveAsync(Schedule(TeamId, hour: 8), default);
        await _store.SaveAsync(Schedule(OtherTeamId, hour: 17), default);
        await _store.SaveAsync(Schedule(OtherTeamId, hour: 18), default);

        (await _store.GetAsync(TeamId, default)).Should().Be(Schedule(TeamId, hour: 8) with { Revision = 1 });
        (await _store.GetAsync(OtherTeamId, default)).Should().Be(Schedule(OtherTeamId, hour: 18) with { Revision = 2 });
    }

    [Fact]
    public async Task Deleting_the_team_deletes_its_schedule_and_no_other()
    {
        await _store.SaveAsync(Schedule(TeamId), default);
        await _store.SaveAsync(Schedule(OtherTeamId), default);

        await _storage.Deletion.DeleteTeamAsync(TeamId, default);

        (await _store.GetAsync(TeamId, default)).Should().BeNull();
        (await _store.GetAsync(OtherTeamId, default)).Should().NotBeNull();
        (await _store.SaveAsync(Schedule(TeamId), default)).Revision.Should().Be(1, "a team that installs the bot again starts afresh");
    }

    [Fact]
    public async Task A_row_not_written_by_the_store_fails_loudly_instead_of_inventing_a_time()
    {
        await _store.SaveAsync(Schedule(), default);
        var table = _storage.Table(TableTeamScheduleStore.SchedulesTable);
        var row = await table.GetAsync(TableKey.Encode(TeamId), "schedule");
        row!["Time"] = "9am";
        await table.UpsertAsync(row);

        var read = () => _store.GetAsync(TeamId, default);

        await read.Should().ThrowAsync<InvalidDataException>().WithMessage("*Time*HH:mm:ss*");
    }
}
