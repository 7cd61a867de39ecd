using Azure.Data.Tables;
using TrustBot.Domain.Teams;
using TrustBot.Storage.Teams;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Teams;

[Collection(AzuriteCollection.Name)]
public sealed class TableTeamChangeStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string TeamId = "19:abc/+x==@thread.tacv2";
    private const string OtherTeamId = "19:meeting_Zm9v@thread.v2";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private TestStorage _storage = null!;
    private TableTeamChangeStore _store = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotTeamChangeStore());
        _store = new TableTeamChangeStore(_storage.Tables);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private Task<TeamChangeLog> LogAsync(string teamId = TeamId) => _store.GetAsync(teamId, Now.AddDays(-30), default);

    [Fact]
    public async Task A_team_with_no_changes_has_an_empty_log_and_no_suggestion()
    {
        (await LogAsync()).Should().BeEquivalentTo(new TeamChangeLog([], null));
    }

    [Fact]
    public async Task Recorded_changes_read_back_oldest_first_and_only_for_their_team()
    {
        await _store.RecordAsync(TeamId, [TeamChange.LeadChanged(Now.AddDays(-1)), TeamChange.Joined("29:1megan", Now.AddDays(-3))], default);
        await _store.RecordAsync(OtherTeamId, [TeamChange.Left("29:1adele", Now)], default);

        var log = await LogAsync();

        log.Changes.Select(c => (c.Kind, c.At)).Should().Equal((TeamChangeKind.Joined, Now.AddDays(-3)), (TeamChangeKind.LeadChanged, Now.AddDays(-1)));
        (await LogAsync(OtherTeamId)).Changes.Should().ContainSingle().Which.Kind.Should().Be(TeamChangeKind.Left);
    }

    [Fact]
    public async Task People_are_kept_as_a_digest_that_tells_them_apart_but_never_their_id()
    {
        await _store.RecordAsync(TeamId, [TeamChange.Joined("29:1megan", Now), TeamChange.Joined("29:1adele", Now)], default);

        var stored = await _storage.Table(TableTeamChangeStore.TableName).QueryPartitionAsync(TableKey.Encode(TeamId)).ToListAsync();
        var log = await LogAsync();

        log.Changes.Select(c => c.PersonId).Should().OnlyHaveUniqueItems().And.HaveCount(2).And.NotContain(["29:1megan", "29:1adele"]);
        stored.Should().AllSatisfy(entity => string.Join(" ", entity.RowKey, string.Join(" ", entity.Select(p => p.Value))).Should().NotContain("megan").And.NotContain("adele"));
    }

    [Fact]
    public async Task The_same_change_recorded_twice_is_stored_once()
    {
        await _store.RecordAsync(TeamId, [TeamChange.Joined("29:1megan", Now), TeamChange.Joined("29:1megan", Now)], default);
        await _store.RecordAsync(TeamId, [TeamChange.Joined("29:1megan", Now)], default);

        (await LogAsync()).Changes.Should().ContainSingle();
    }

    [Fact]
    public async Task Reading_since_a_moment_leaves_older_changes_out_and_recording_forgets_those_older_than_60_days()
    {
        await _store.RecordAsync(TeamId, [TeamChange.Left("29:1old", Now.AddDays(-61)), TeamChange.Left("29:1mid", Now.AddDays(-40))], default);
        await _store.RecordAsync(TeamId, [TeamChange.Joined("29:1new", Now)], default);

        (await LogAsync()).Changes.Should().ContainSingle().Which.Kind.Should().Be(TeamChangeKind.Joined);
        (await _store.GetAsync(TeamId, DateTimeOffset.MinValue, default)).Changes.Select(c => c.At).Should().Equal(Now.AddDays(-40), Now);
    }

    [Fact]
    public async Task A_suggestion_is_marked_once_against_the_previous_mark_so_two_instances_cannot_both_suggest()
    {
        (await _store.TryMarkSuggestedAsync(TeamId, previous: null, Now, default)).Should().BeTrue();
        (await _store.TryMarkSuggestedAsync(TeamId, previous: null, Now.AddMinutes(1), default)).Should().BeFalse("another instance marked it already");
        (await LogAsync()).LastSuggestedAt.Should().Be(Now);

        (await _store.TryMarkSuggestedAsync(TeamId, previous: Now, Now.AddDays(31), default)).Should().BeTrue();
        (await _store.TryMarkSuggestedAsync(TeamId, previous: Now, Now.AddDays(32), default)).Should().BeFalse();
        (await _store.GetAsync(TeamId, Now, default)).LastSuggestedAt.Should().Be(Now.AddDays(31));
    }

    [Fact]
    public async Task A_change_without_the_person_it_is_about_is_refused_and_nothing_is_written()
    {
        var noPerson = () => _store.RecordAsync(TeamId, [TeamChange.LeadChanged(Now), new TeamChange(TeamChangeKind.Joined, null, Now)], default);
        var unknownKind = () => _store.RecordAsync(TeamId, [new TeamChange((TeamChangeKind)42, "29:x", Now)], default);

        await noPerson.Should().ThrowAsync<ArgumentException>();
        await unknownKind.Should().ThrowAsync<ArgumentException>();
        (await _store.GetAsync(TeamId, DateTimeOffset.MinValue, default)).Changes.Should().BeEmpty();
    }

    [Fact]
    public async Task Removing_the_bot_deletes_the_teams_changes_with_the_rest_of_its_data()
    {
        await _store.RecordAsync(TeamId, [TeamChange.LeadChanged(Now)], default);
        await _store.TryMarkSuggestedAsync(TeamId, null, Now, default);
        await _store.RecordAsync(OtherTeamId, [TeamChange.LeadChanged(Now)], default);

        await _storage.Deletion.DeleteTeamAsync(TeamId);

        (await _store.GetAsync(TeamId, DateTimeOffset.MinValue, default)).Should().BeEquivalentTo(new TeamChangeLog([], null));
        (await LogAsync(OtherTeamId)).Changes.Should().ContainSingle();
    }
}
