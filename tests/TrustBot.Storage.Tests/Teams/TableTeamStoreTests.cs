using TrustBot.Domain.Teams;
using TrustBot.Storage.Teams;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Teams;

[Collection(AzuriteCollection.Name)]
public sealed class TableTeamStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string TeamId = "19:abc@thread.tacv2";
    private const string OtherTeamId = "19:meeting_Zm9v@thread.v2";
    private const string Alice = "29:1AbC/+x==";
    private const string Bob = "a:1xyz";
    private static readonly DateTimeOffset Installed = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(1));
    private TestStorage _storage = null!;
    private TableTeamStore _store = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotTeamAndPulseStores());
        _store = new TableTeamStore(_storage.Tables);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task A_team_round_trips_with_Teams_shaped_ids_and_a_unicode_name()
    {
        var team = NewTeam(TeamId) with { Name = "Équipe 信頼 🤝", Kind = TeamKind.GroupChat, ConversationId = "19:chat/+x==@unq.gbl.spaces" };

        await _store.SaveTeamAsync(team, default);

        (await _store.GetTeamAsync(TeamId, default)).Should().Be(team);
    }

    [Fact]
    public async Task A_team_without_a_name_round_trips()
    {
        var team = NewTeam(TeamId) with { Name = null };

        await _store.SaveTeamAsync(team, default);

        (await _store.GetTeamAsync(TeamId, default)).Should().Be(team);
    }

    [Fact]
    public async Task A_team_where_the_bot_is_not_installed_is_null()
    {
        await _store.SaveTeamAsync(NewTeam(TeamId), default);

        (await _store.GetTeamAsync(OtherTeamId, default)).Should().BeNull();
    }

    [Fact]
    public async Task Installing_again_refreshes_the_team_but_keeps_the_first_installation_date()
    {
        await _store.SaveTeamAsync(NewTeam(TeamId), default);

        var reinstall = NewTeam(TeamId) with { Name = "Renamed", ServiceUrl = "https://smba.example/emea/", InstalledAt = Installed.AddDays(30) };
        await _store.SaveTeamAsync(reinstall, default);

        (await _store.GetTeamAsync(TeamId, default)).Should().Be(reinstall with { InstalledAt = Installed });
    }

    [Fact]
    public async Task Two_concurrent_installs_of_one_team_both_succeed_and_keep_one_installation_date()
    {
        // Teams sends installationUpdate and conversationUpdate together; one retry settles two writers.
        var installs = Enumerable.Range(1, 2).Select(i => NewTeam(TeamId) with { Name = $"Name {i}", InstalledAt = Installed.AddMinutes(i) }).ToList();

        await Task.WhenAll(installs.Select(team => Task.Run(() => _store.SaveTeamAsync(team, default))));

        var stored = await _store.GetTeamAsync(TeamId, default);
        installs.Select(team => team.InstalledAt).Should().Contain(stored!.InstalledAt);
        installs.Should().Contain(team => team.Name == stored.Name);
    }

    [Fact]
    public async Task A_membership_round_trips_with_a_unicode_name()
    {
        var membership = new Membership(Alice, TeamId, TeamRole.Lead, "Zoë Ødegård 王");

        await _store.SaveMembershipAsync(membership, default);

        (await _store.GetMembershipAsync(Alice, TeamId, default)).Should().Be(membership);
    }

    [Fact]
    public async Task Saving_a_membership_replaces_the_stored_role()
    {
        await _store.SaveMembershipAsync(new Membership(Alice, TeamId, TeamRole.Member, "Alice"), default);

        await _store.SaveMembershipAsync(new Membership(Alice, TeamId, TeamRole.Lead, null), default);

        (await _store.GetMembershipAsync(Alice, TeamId, default)).Should().Be(new Membership(Alice, TeamId, TeamRole.Lead, null));
    }

    [Fact]
    public async Task Ensuring_a_membership_stores_it_when_none_exists()
    {
        var membership = new Membership(Bob, TeamId, TeamRole.Member, "Bob");

        await _store.EnsureMembershipAsync(membership, default);

        (await _store.GetMembershipAsync(Bob, TeamId, default)).Should().Be(membership);
    }

    [Fact]
    public async Task Ensuring_a_membership_never_downgrades_a_lead()
    {
        var lead = new Membership(Alice, TeamId, TeamRole.Lead, "Alice");
        await _store.SaveMembershipAsync(lead, default);

        await _store.EnsureMembershipAsync(new Membership(Alice, TeamId, TeamRole.Member, "Alice from the roster"), default);

        (await _store.GetMembershipAsync(Alice, TeamId, default)).Should().Be(lead);
    }

    [Fact]
    public async Task A_membership_in_another_team_is_invisible()
    {
        await _store.SaveMembershipAsync(new Membership(Alice, TeamId, TeamRole.Lead, "Alice"), default);

        (await _store.GetMembershipAsync(Alice, OtherTeamId, default)).Should().BeNull();
        (await _store.GetMembershipAsync(Bob, TeamId, default)).Should().BeNull();
    }

    [Fact]
    public async Task A_persons_memberships_are_every_team_they_are_in_and_nobody_elses()
    {
        var lead = new Membership(Alice, TeamId, TeamRole.Lead, "Alice");
        var member = new Membership(Alice, OtherTeamId, TeamRole.Member, "Alice");
        await _store.SaveMembershipAsync(lead, default);
        await _store.SaveMembershipAsync(member, default);
        await _store.SaveMembershipAsync(new Membership(Bob, TeamId, TeamRole.Member, "Bob"), default);

        (await _store.GetMembershipsAsync(Alice, default)).Should().BeEquivalentTo([lead, member]);
        (await _store.GetMembershipsAsync("29:1Nobody", default)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_personal_chat_round_trips_and_saving_again_replaces_it()
    {
        var chat = new PersonalChat(Alice, "72f988bf-86f1-41af-91ab-2d7cd011db47", "29:1AbC/+x==", "a:1xyz/+Ü", "https://smba.trafficmanager.net/amer/");
        await _store.SavePersonalChatAsync(chat, default);
        (await _store.GetPersonalChatAsync(Alice, default)).Should().Be(chat);

        var moved = chat with { ConversationId = "a:1new", ServiceUrl = "https://smba.trafficmanager.net/emea/", TimeZoneId = "Pacific/Auckland" };
        await _store.SavePersonalChatAsync(moved, default);

        (await _store.GetPersonalChatAsync(Alice, default)).Should().Be(moved);
    }

    [Fact]
    public async Task A_person_the_bot_never_chatted_with_has_no_personal_chat()
    {
        await _store.SavePersonalChatAsync(new PersonalChat(Alice, "tenant", Alice, "a:1xyz", "https://smba.example/"), default);

        (await _store.GetPersonalChatAsync(Bob, default)).Should().BeNull();
    }

    [Fact]
    public async Task Forgetting_a_member_removes_their_memberships_and_personal_chat_and_nothing_of_anyone_else()
    {
        await _store.SaveTeamAsync(NewTeam(TeamId), default);
        await _store.SaveMembershipAsync(new Membership(Alice, TeamId, TeamRole.Lead, "Alice"), default);
        await _store.SaveMembershipAsync(new Membership(Alice, OtherTeamId, TeamRole.Member, "Alice"), default);
        await _store.SaveMembershipAsync(new Membership(Bob, TeamId, TeamRole.Member, "Bob"), default);
        await _store.SavePersonalChatAsync(new PersonalChat(Alice, "tenant", Alice, "a:1alice", "https://smba.example/"), default);
        await _store.SavePersonalChatAsync(new PersonalChat(Bob, "tenant", Bob, "a:1bob", "https://smba.example/"), default);

        var deleted = await _storage.Deletion.ForgetMemberAsync(Alice);

        deleted.Should().Be(3);
        (await _store.GetMembershipsAsync(Alice, default)).Should().BeEmpty();
        (await _store.GetPersonalChatAsync(Alice, default)).Should().BeNull();
        (await _store.GetMembershipsAsync(Bob, default)).Should().ContainSingle();
        (await _store.GetPersonalChatAsync(Bob, default)).Should().NotBeNull();
        (await _store.GetTeamAsync(TeamId, default)).Should().NotBeNull();
    }

    [Fact]
    public async Task Deleting_a_team_removes_its_team_row_and_leaves_other_teams()
    {
        await _store.SaveTeamAsync(NewTeam(TeamId), default);
        await _store.SaveTeamAsync(NewTeam(OtherTeamId), default);

        await _storage.Deletion.DeleteTeamAsync(TeamId);

        (await _store.GetTeamAsync(TeamId, default)).Should().BeNull();
        (await _store.GetTeamAsync(OtherTeamId, default)).Should().NotBeNull();
    }

    [Fact]
    public async Task Deleting_a_team_cannot_reach_memberships_because_they_live_in_the_members_partitions()
    {
        // Documented (docs/storage.md): memberships are keyed by member, so the team-partition
        // deletion does not see them; the uninstall and purge end them with EndMembershipsAsync.
        await _store.SaveMembershipAsync(new Membership(Alice, TeamId, TeamRole.Lead, "Alice"), default);

        await _storage.Deletion.DeleteTeamAsync(TeamId);

        (await _store.GetMembershipAsync(Alice, TeamId, default)).Should().NotBeNull();
    }

    [Fact]
    public async Task A_removed_team_is_not_found_but_kept_with_when_it_was_removed_and_a_reinstall_brings_it_back()
    {
        var removedAt = Installed.AddDays(40);
        await _store.SaveTeamAsync(NewTeam(TeamId), default);

        (await _store.MarkUninstalledAsync(TeamId, removedAt, default)).Should().Be(removedAt);

        (await _store.GetTeamAsync(TeamId, default)).Should().BeNull();
        (await _store.GetUninstalledAtAsync(TeamId, default)).Should().Be(removedAt);

        await _store.SaveTeamAsync(NewTeam(TeamId) with { InstalledAt = removedAt.AddDays(1), Name = "Platform team, again" }, default);

        (await _store.GetTeamAsync(TeamId, default)).Should().Be(NewTeam(TeamId) with { Name = "Platform team, again" }, "a reinstall keeps the first install's date");
        (await _store.GetUninstalledAtAsync(TeamId, default)).Should().BeNull();
    }

    [Fact]
    public async Task Removing_a_team_twice_keeps_the_first_removal_date_and_an_unknown_team_is_not_marked()
    {
        await _store.SaveTeamAsync(NewTeam(TeamId), default);
        await _store.MarkUninstalledAsync(TeamId, Installed.AddDays(1), default);

        (await _store.MarkUninstalledAsync(TeamId, Installed.AddDays(9), default)).Should().Be(Installed.AddDays(1));
        (await _store.MarkUninstalledAsync(OtherTeamId, Installed, default)).Should().BeNull();
        (await _store.GetUninstalledAtAsync(OtherTeamId, default)).Should().BeNull();
    }

    [Fact]
    public async Task Removing_memberships_ends_only_those_peoples_roles_in_that_team_says_which_and_tolerates_unknown_ones()
    {
        await _store.SaveMembershipAsync(new Membership(Alice, TeamId, TeamRole.Lead, "Alice"), default);
        await _store.SaveMembershipAsync(new Membership(Alice, OtherTeamId, TeamRole.Lead, "Alice"), default);
        await _store.SaveMembershipAsync(new Membership(Bob, TeamId, TeamRole.Member, "Bob"), default);

        var ended = await _store.RemoveMembershipsAsync(TeamId, [Alice, Alice, "29:1nobody"], default);

        ended.Should().Equal([new Membership(Alice, TeamId, TeamRole.Lead, "Alice")], "it says which roles ended, each once");

        (await _store.GetMembershipAsync(Alice, TeamId, default)).Should().BeNull();
        (await _store.GetMembershipAsync(Alice, OtherTeamId, default)).Should().NotBeNull();
        (await _store.GetMembershipAsync(Bob, TeamId, default)).Should().NotBeNull();
    }

    [Fact]
    public async Task Ending_a_teams_memberships_removes_everyones_role_there_and_no_other_teams()
    {
        await _store.SaveMembershipAsync(new Membership(Alice, TeamId, TeamRole.Lead, "Alice"), default);
        await _store.SaveMembershipAsync(new Membership(Bob, TeamId, TeamRole.Member, "Bob"), default);
        await _store.SaveMembershipAsync(new Membership(Bob, OtherTeamId, TeamRole.Lead, "Bob"), default);

        await _store.EndMembershipsAsync(TeamId, default);
        await _store.EndMembershipsAsync(TeamId, default);

        (await _store.GetMembershipsAsync(Alice, default)).Should().BeEmpty();
        (await _store.GetMembershipsAsync(Bob, default)).Should().ContainSingle().Which.TeamId.Should().Be(OtherTeamId);
    }

    private static Team NewTeam(string id) =>
        new(id, "72f988bf-86f1-41af-91ab-2d7cd011db47", "Platform team", TeamKind.Team, $"{id};messageid=1", "https://smba.trafficmanager.net/amer/", Installed);
}
