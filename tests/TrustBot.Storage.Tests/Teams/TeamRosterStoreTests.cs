using TrustBot.Domain.Teams;
using TrustBot.Storage.Teams;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Teams;

[Collection(AzuriteCollection.Name)]
public sealed class TeamRosterStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string TeamId = "19:abc/+x==@thread.tacv2";
    private const string OtherTeamId = "19:meeting_Zm9v@thread.v2";
    private static readonly DateTimeOffset Blocked = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly RosterMember Megan = new("aad-megan", "29:1megan/+x==", "Megan Bowen");
    private static readonly RosterMember Adele = new("aad-adele", "29:1adele", "Adele Vance");
    private static readonly RosterMember Isaiah = new("aad-isaiah", "29:1isaiah", "Isaiah Langer");
    private TestStorage _storage = null!;
    private TableTeamRosterStore _store = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotTeamAndPulseStores());
        _store = new TableTeamRosterStore(_storage.Tables);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private static List<RosterMember> Members(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new RosterMember($"aad-{prefix}-{i:D5}", $"29:1{prefix}{i}", $"Member {i}"))];

    private async Task<IReadOnlyList<RosterMember>> MembersOf(string teamId) =>
        [.. (await _store.GetAsync(teamId, default)).Select(entry => entry.Member)];

    private async Task<RosterEntry?> EntryOf(string teamId, string memberId) =>
        (await _store.GetAsync(teamId, default)).SingleOrDefault(entry => entry.Member.MemberId == memberId);

    [Fact]
    public async Task Replacing_adds_new_members_updates_renamed_ones_and_removes_those_who_left()
    {
        await _store.ReplaceAsync(TeamId, [Megan, Adele], default);

        await _store.ReplaceAsync(TeamId, [Megan with { Name = "Megan B." }, Isaiah], default);

        (await MembersOf(TeamId)).Should().BeEquivalentTo([Megan with { Name = "Megan B." }, Isaiah]);
    }

    [Fact]
    public async Task Replacing_with_nobody_empties_the_roster()
    {
        await _store.ReplaceAsync(TeamId, [Megan, Adele], default);

        await _store.ReplaceAsync(TeamId, [], default);

        (await _store.GetAsync(TeamId, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_team_of_1200_is_replaced_by_another_1200_across_several_batches_and_pages()
    {
        await _store.ReplaceAsync(TeamId, Members("first", 1200), default);
        (await MembersOf(TeamId)).Should().HaveCount(1200);

        // Half stay, half leave and 600 join: more than one page of stored ids to read, and
        // 1,800 writes, more than one batch of 100.
        var next = Members("first", 1200).Skip(600).Concat(Members("second", 600)).ToList();
        await _store.ReplaceAsync(TeamId, next, default);

        (await MembersOf(TeamId)).Should().BeEquivalentTo(next);
    }

    [Fact]
    public async Task A_member_listed_twice_is_stored_once()
    {
        await _store.ReplaceAsync(TeamId, [Megan, Megan], default);

        (await MembersOf(TeamId)).Should().Equal(Megan);
    }

    [Fact]
    public async Task Each_team_has_its_own_roster()
    {
        await _store.ReplaceAsync(TeamId, [Megan], default);
        await _store.ReplaceAsync(OtherTeamId, [Adele], default);

        await _store.ReplaceAsync(TeamId, [Isaiah], default);

        (await MembersOf(TeamId)).Should().Equal(Isaiah);
        (await MembersOf(OtherTeamId)).Should().Equal(Adele);
    }

    [Fact]
    public async Task Adding_members_keeps_everyone_already_there()
    {
        await _store.ReplaceAsync(TeamId, [Megan], default);

        await _store.AddAsync(TeamId, [Adele, Isaiah], default);

        (await MembersOf(TeamId)).Should().BeEquivalentTo([Megan, Adele, Isaiah]);
    }

    [Fact]
    public async Task Adding_a_member_again_without_a_name_keeps_the_stored_name()
    {
        await _store.AddAsync(TeamId, [Megan], default);

        await _store.AddAsync(TeamId, [Megan with { Name = null }], default);

        (await MembersOf(TeamId)).Should().Equal(Megan);
    }

    [Fact]
    public async Task Removing_members_removes_only_them_and_those_not_stored_are_ignored()
    {
        await _store.ReplaceAsync(TeamId, [Megan, Adele, Isaiah], default);

        await _store.RemoveAsync(TeamId, ["aad-nobody", Megan.MemberId, "aad-left-long-ago", Isaiah.MemberId], default);

        (await MembersOf(TeamId)).Should().Equal(Adele);
    }

    [Fact]
    public async Task Removing_from_an_empty_roster_is_fine()
    {
        await _store.RemoveAsync(TeamId, [Megan.MemberId], default);

        (await _store.GetAsync(TeamId, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Removing_many_members_some_of_them_unknown_removes_exactly_the_stored_ones()
    {
        var members = Members("many", 250);
        await _store.ReplaceAsync(TeamId, members, default);
        var leaving = members.Where((_, i) => i % 2 == 0).Select(m => m.MemberId).Concat(["aad-unknown-1", "aad-unknown-2"]).ToList();

        await _store.RemoveAsync(TeamId, leaving, default);

        (await MembersOf(TeamId)).Should().BeEquivalentTo(members.Where((_, i) => i % 2 == 1));
    }

    [Fact]
    public async Task A_member_is_reachable_until_marked_and_again_once_cleared()
    {
        await _store.ReplaceAsync(TeamId, [Megan, Adele], default);
        (await EntryOf(TeamId, Megan.MemberId))!.IsReachable.Should().BeTrue();

        await _store.MarkUnreachableAsync(TeamId, Megan.MemberId, Blocked, default);

        (await EntryOf(TeamId, Megan.MemberId)).Should().Be(new RosterEntry(Megan, Blocked));
        (await EntryOf(TeamId, Adele.MemberId))!.IsReachable.Should().BeTrue();

        await _store.ClearUnreachableAsync(TeamId, Megan.MemberId, default);

        (await EntryOf(TeamId, Megan.MemberId)).Should().Be(new RosterEntry(Megan, null));
    }

    [Fact]
    public async Task A_mark_survives_a_sync_and_a_members_added_update()
    {
        await _store.ReplaceAsync(TeamId, [Megan, Adele], default);
        await _store.MarkUnreachableAsync(TeamId, Megan.MemberId, Blocked, default);

        await _store.ReplaceAsync(TeamId, [Megan with { Name = "Megan B." }, Adele], default);
        await _store.AddAsync(TeamId, [Megan with { Name = "Megan Bowen-Vance" }], default);

        (await EntryOf(TeamId, Megan.MemberId)).Should().Be(new RosterEntry(Megan with { Name = "Megan Bowen-Vance" }, Blocked));
    }

    [Fact]
    public async Task Marking_again_keeps_the_latest_date()
    {
        await _store.AddAsync(TeamId, [Megan], default);

        await _store.MarkUnreachableAsync(TeamId, Megan.MemberId, Blocked, default);
        await _store.MarkUnreachableAsync(TeamId, Megan.MemberId, Blocked.AddDays(7), default);

        (await EntryOf(TeamId, Megan.MemberId))!.UnreachableSince.Should().Be(Blocked.AddDays(7));
    }

    [Fact]
    public async Task Clearing_or_marking_a_member_who_is_not_stored_creates_nobody()
    {
        await _store.AddAsync(TeamId, [Adele], default);

        await _store.ClearUnreachableAsync(TeamId, Megan.MemberId, default);
        await _store.MarkUnreachableAsync(TeamId, Isaiah.MemberId, Blocked, default);
        await _store.ClearUnreachableAsync(OtherTeamId, Megan.MemberId, default);

        (await MembersOf(TeamId)).Should().Equal(Adele);
        (await _store.GetAsync(OtherTeamId, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Removing_the_bot_from_a_team_deletes_its_roster_and_no_other()
    {
        await _store.ReplaceAsync(TeamId, Members("team", 150), default);
        await _store.ReplaceAsync(OtherTeamId, [Megan], default);

        await _storage.Deletion.DeleteTeamAsync(TeamId);

        (await _store.GetAsync(TeamId, default)).Should().BeEmpty();
        (await MembersOf(OtherTeamId)).Should().Equal(Megan);
    }

    [Fact]
    public async Task Forget_me_removes_the_member_from_every_roster_and_nobody_else()
    {
        await _store.ReplaceAsync(TeamId, [Megan, Adele], default);
        await _store.ReplaceAsync(OtherTeamId, [Megan, Isaiah], default);
        await _store.MarkUnreachableAsync(OtherTeamId, Megan.MemberId, Blocked, default);

        await _storage.Deletion.ForgetMemberAsync(Megan.MemberId);

        (await MembersOf(TeamId)).Should().Equal(Adele);
        (await MembersOf(OtherTeamId)).Should().Equal(Isaiah);
    }
}
