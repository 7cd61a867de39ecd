using Azure.Data.Tables;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Deletion;

[Collection(AzuriteCollection.Name)]
public sealed class DataDeletionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string TeamA = TableKey.Encode("19:teamA@thread.tacv2");
    private static readonly string TeamB = TableKey.Encode("19:teamB@thread.tacv2");
    private const string Alice = "29:1Alice/+==";
    private const string Bob = "29:1Bob/+==";
    private TestStorage _storage = null!;

    public async Task InitializeAsync() =>
        _storage = await TestStorage.StartAsync(azurite, services => services
            .AddTrustBotTable("Checkins", holdsMemberData: true)
            .AddTrustBotTable("Settings"));

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Deleting_a_team_removes_its_partition_from_every_registered_table_and_nothing_else()
    {
        await TestStorage.SeedAsync(Checkins, Enumerable.Range(0, 150).Select(i => Checkin(TeamA, $"c{i:D3}", Alice)));
        await TestStorage.SeedAsync(Checkins, [Checkin(TeamB, "c000", Alice)]);
        await TestStorage.SeedAsync(Settings, [new TableEntity(TeamA, "threshold"), new TableEntity(TeamB, "threshold")]);

        var deleted = await _storage.Deletion.DeleteTeamAsync("19:teamA@thread.tacv2");

        deleted.Should().Be(151);
        (await Checkins.QueryPartitionAsync(TeamA).CountAsync()).Should().Be(0);
        (await Settings.QueryPartitionAsync(TeamA).CountAsync()).Should().Be(0);
        (await Checkins.QueryPartitionAsync(TeamB).CountAsync()).Should().Be(1);
        (await Settings.QueryPartitionAsync(TeamB).CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Forgetting_a_member_removes_their_entities_in_every_team_and_leaves_everyone_else()
    {
        await TestStorage.SeedAsync(Checkins, Enumerable.Range(0, 120).Select(i => Checkin(TeamA, $"alice{i:D3}", Alice)));
        await TestStorage.SeedAsync(Checkins, [Checkin(TeamA, "bob", Bob), Checkin(TeamA, "anonymous", null)]);
        await TestStorage.SeedAsync(Checkins, [Checkin(TeamB, "alice", Alice), Checkin(TeamB, "bob", Bob)]);
        await TestStorage.SeedAsync(Settings, [new TableEntity(TeamA, "owner") { [TableRegistration.MemberKeyProperty] = Alice }]);

        var deleted = await _storage.Deletion.ForgetMemberAsync(Alice);

        deleted.Should().Be(121);
        (await Checkins.QueryPartitionAsync(TeamA).Select(e => e.RowKey).ToListAsync()).Should().Equal("anonymous", "bob");
        (await Checkins.QueryPartitionAsync(TeamB).Select(e => e.RowKey).ToListAsync()).Should().Equal("bob");
        (await Settings.GetAsync(TeamA, "owner")).Should().NotBeNull("Settings is not registered as holding member data");
    }

    [Fact]
    public async Task Deleting_again_finds_nothing_more_to_delete()
    {
        await TestStorage.SeedAsync(Checkins, [Checkin(TeamA, "c1", Alice)]);

        (await _storage.Deletion.DeleteTeamAsync("19:teamA@thread.tacv2")).Should().Be(1);
        (await _storage.Deletion.DeleteTeamAsync("19:teamA@thread.tacv2")).Should().Be(0);
        (await _storage.Deletion.ForgetMemberAsync(Alice)).Should().Be(0);
    }

    private StorageTable Checkins => _storage.Table("Checkins");

    private StorageTable Settings => _storage.Table("Settings");

    private static TableEntity Checkin(string team, string row, string? member) =>
        new(team, row) { [TableRegistration.MemberKeyProperty] = member, ["Score"] = 3 };
}
