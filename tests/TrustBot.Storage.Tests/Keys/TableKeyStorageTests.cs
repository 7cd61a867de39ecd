using Azure.Data.Tables;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Keys;

[Collection(AzuriteCollection.Name)]
public sealed class TableKeyStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Encoded_ids_of_every_shape_are_accepted_as_keys_and_read_back()
    {
        await using var storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotTable("Keys"));
        var table = storage.Table("Keys");
        var ids = new IdGenerator(seed: 5).Ids(150).Append(string.Empty).Append(new string('é', TableKey.MaxLength)).Distinct().ToList();

        foreach (var id in ids)
        {
            var key = TableKey.Encode(id);
            (await table.InsertAsync(new TableEntity(key, key) { ["Id"] = id })).Succeeded.Should().BeTrue();
        }

        foreach (var id in ids)
        {
            var key = TableKey.Encode(id);
            var entity = await table.GetAsync(key, key);
            entity.Should().NotBeNull($"an entity was stored under the key of '{id}'");
            TableKey.Decode(entity!.PartitionKey).Should().Be(id);
            TableKey.Decode(entity.RowKey).Should().Be(id);
            entity.GetString("Id").Should().Be(id);
        }
    }

    [Fact]
    public async Task A_row_key_prefix_scan_finds_exactly_the_ids_with_that_prefix()
    {
        await using var storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotTable("Keys"));
        var table = storage.Table("Keys");
        var team = TableKey.Encode("19:abc@thread.tacv2");
        string[][] rows = [["run/1", "a"], ["run/1", "b|c"], ["run/10", "a"], ["run/1|b", "c"], ["run%1", "a"], ["run/2", "a"], ["run/1\uFFFF", "a"]];
        await TestStorage.SeedAsync(table, rows.Select(row => new TableEntity(team, TableKey.Compose(row))));

        var found = await table.QueryPartitionAsync(team, TableKey.Compose("run/1") + TableKey.Separator)
            .Select(entity => string.Join(" + ", TableKey.Decompose(entity.RowKey))).ToListAsync();

        found.Should().Equal("run/1 + a", "run/1 + b|c");
    }
}
