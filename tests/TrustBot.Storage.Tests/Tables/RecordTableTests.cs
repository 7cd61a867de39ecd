using Azure.Data.Tables;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class RecordTableTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_domain_record_round_trips_through_its_mapper_with_ids_decoded()
    {
        await using var storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotTable("Checkins"));
        var checkins = new RecordTable<Checkin>(storage.Table("Checkins"), new CheckinMapper());
        var checkin = new Checkin("19:abc@thread.tacv2", "29:1Ab/Cd+e==", 4);

        (await checkins.InsertAsync(checkin)).Succeeded.Should().BeTrue();
        var stored = await checkins.GetAsync(TableKey.Encode(checkin.TeamId), TableKey.Encode(checkin.MemberId));

        stored!.Value.Should().Be(checkin);
        (await checkins.QueryPartitionAsync(TableKey.Encode(checkin.TeamId)).ToListAsync()).Should().Equal(stored);
    }

    [Fact]
    public async Task The_ETag_travels_with_the_record_so_a_stale_copy_loses()
    {
        await using var storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotTable("Checkins"));
        var checkins = new RecordTable<Checkin>(storage.Table("Checkins"), new CheckinMapper());
        var checkin = new Checkin("19:abc@thread.tacv2", "29:1Ab/Cd+e==", 4);
        await checkins.InsertAsync(checkin);
        var first = (await checkins.GetAsync(TableKey.Encode(checkin.TeamId), TableKey.Encode(checkin.MemberId)))!;

        var updated = await checkins.ReplaceAsync(first with { Value = checkin with { Score = 5 } });
        var stale = await checkins.ReplaceAsync(first with { Value = checkin with { Score = 1 } });
        var staleDelete = await checkins.DeleteAsync(first);

        updated.Succeeded.Should().BeTrue();
        stale.Conflict!.Kind.Should().Be(StorageConflictKind.Changed);
        staleDelete.Conflict!.Kind.Should().Be(StorageConflictKind.Changed);
        (await checkins.GetAsync(TableKey.Encode(checkin.TeamId), TableKey.Encode(checkin.MemberId)))!.Value.Score.Should().Be(5);
    }

    private sealed record Checkin(string TeamId, string MemberId, int Score);

    private sealed class CheckinMapper : IEntityMapper<Checkin>
    {
        public TableEntity ToEntity(Checkin record) => new(TableKey.Encode(record.TeamId), TableKey.Encode(record.MemberId))
        {
            ["Score"] = record.Score,
        };

        public Checkin FromEntity(TableEntity entity) =>
            new(TableKey.Decode(entity.PartitionKey), TableKey.Decode(entity.RowKey), entity.GetInt32("Score")!.Value);
    }
}
