using Azure;
using Azure.Data.Tables;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class StorageTableTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Team = TableKey.Encode("19:team@thread.tacv2");
    private TestStorage _storage = null!;
    private StorageTable _table = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotTable("Items"));
        _table = _storage.Table("Items");
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task An_inserted_entity_reads_back_with_its_properties_and_ETag()
    {
        var written = await _table.InsertAsync(new TableEntity(Team, "r1") { ["Score"] = 4, ["Note"] = "ok" });

        var read = await _table.GetAsync(Team, "r1");

        written.Succeeded.Should().BeTrue();
        read!.GetInt32("Score").Should().Be(4);
        read.GetString("Note").Should().Be("ok");
        read.ETag.Should().Be(written.ETag);
    }

    [Fact]
    public async Task Reading_a_missing_entity_gives_null()
    {
        (await _table.GetAsync(Team, "nothing")).Should().BeNull();
    }

    [Fact]
    public async Task Inserting_an_existing_key_is_an_AlreadyExists_conflict_and_keeps_the_first_entity()
    {
        await _table.InsertAsync(new TableEntity(Team, "r1") { ["Who"] = "first" });

        var second = await _table.InsertAsync(new TableEntity(Team, "r1") { ["Who"] = "second" });

        second.Conflict.Should().Be(new StorageConflict(StorageConflictKind.AlreadyExists, Team, "r1"));
        (await _table.GetAsync(Team, "r1"))!.GetString("Who").Should().Be("first");
    }

    [Fact]
    public async Task Replacing_with_a_stale_ETag_is_a_Changed_conflict_and_keeps_the_winner()
    {
        await _table.InsertAsync(new TableEntity(Team, "r1") { ["Count"] = 0 });
        var mine = (await _table.GetAsync(Team, "r1"))!;
        var theirs = (await _table.GetAsync(Team, "r1"))!;
        theirs["Count"] = 1;
        (await _table.ReplaceAsync(theirs)).Succeeded.Should().BeTrue();

        mine["Count"] = 2;
        var result = await _table.ReplaceAsync(mine);

        result.Conflict!.Kind.Should().Be(StorageConflictKind.Changed);
        (await _table.GetAsync(Team, "r1"))!.GetInt32("Count").Should().Be(1);
    }

    [Fact]
    public async Task A_conflict_can_be_retried_by_reading_again()
    {
        await _table.InsertAsync(new TableEntity(Team, "r1") { ["Count"] = 0 });
        var stale = (await _table.GetAsync(Team, "r1"))!;
        await _table.UpsertAsync(new TableEntity(Team, "r1") { ["Count"] = 5 });
        (await _table.ReplaceAsync(stale)).Succeeded.Should().BeFalse();

        var fresh = (await _table.GetAsync(Team, "r1"))!;
        fresh["Count"] = fresh.GetInt32("Count") + 1;
        var result = await _table.ReplaceAsync(fresh);

        result.Succeeded.Should().BeTrue();
        (await _table.GetAsync(Team, "r1"))!.ETag.Should().Be(result.ETag);
    }

    [Fact]
    public async Task Replacing_an_entity_deleted_meanwhile_is_a_Missing_conflict_and_does_not_bring_it_back()
    {
        await _table.InsertAsync(new TableEntity(Team, "r1"));
        var read = (await _table.GetAsync(Team, "r1"))!;
        (await _table.DeleteAsync(Team, "r1", read.ETag)).Succeeded.Should().BeTrue();

        (await _table.ReplaceAsync(read)).Conflict!.Kind.Should().Be(StorageConflictKind.Missing);
        (await _table.GetAsync(Team, "r1")).Should().BeNull();
    }

    [Fact]
    public async Task Deleting_an_entity_that_is_gone_already_counts_as_deleted()
    {
        await _table.InsertAsync(new TableEntity(Team, "r1"));
        var read = (await _table.GetAsync(Team, "r1"))!;
        await _table.DeleteAsync(Team, "r1", read.ETag);

        (await _table.DeleteAsync(Team, "r1", read.ETag)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Deleting_with_a_stale_ETag_is_a_Changed_conflict_and_deletes_nothing()
    {
        await _table.InsertAsync(new TableEntity(Team, "r1"));
        var stale = (await _table.GetAsync(Team, "r1"))!;
        await _table.UpsertAsync(new TableEntity(Team, "r1") { ["Changed"] = true });

        (await _table.DeleteAsync(Team, "r1", stale.ETag)).Conflict!.Kind.Should().Be(StorageConflictKind.Changed);
        (await _table.GetAsync(Team, "r1")).Should().NotBeNull();
    }

    [Fact]
    public async Task A_replace_without_the_read_ETag_is_refused()
    {
        await FluentActions.Awaiting(() => _table.ReplaceAsync(new TableEntity(Team, "r1")))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*ETag*UpsertAsync*");
    }

    [Fact]
    public async Task Raw_ids_with_forbidden_characters_are_refused_before_reaching_storage()
    {
        await FluentActions.Awaiting(() => _table.InsertAsync(new TableEntity("29:1ab/c", "r1")))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*TableKey.Encode*");
    }

    [Fact]
    public async Task A_small_page_size_still_reads_everything_in_order_one_page_at_a_time()
    {
        var rows = Enumerable.Range(0, 7).Select(i => $"row{i:D2}").ToList();
        await TestStorage.SeedAsync(_table, rows.Select(row => new TableEntity(Team, row)));

        (await _table.QueryPartitionAsync(Team, pageSize: 2).Select(entity => entity.RowKey).ToListAsync()).Should().Equal(rows);
        (await _table.QueryPartitionAsync(Team, pageSize: 3).Take(3).Select(entity => entity.RowKey).ToListAsync()).Should().Equal(rows.Take(3));
    }

    [Fact]
    public async Task A_partition_of_1200_entities_reads_back_completely_across_pages_in_row_key_order()
    {
        var rows = Enumerable.Range(0, 1200).Select(i => $"row{i:D5}").ToList();
        await TestStorage.SeedAsync(_table, rows.Select(row => new TableEntity(Team, row)));
        await _table.InsertAsync(new TableEntity(TableKey.Encode("19:other@thread.tacv2"), "row00000"));

        var read = await _table.QueryPartitionAsync(Team).Select(entity => entity.RowKey).ToListAsync();

        read.Should().Equal(rows);
    }

    [Fact]
    public async Task A_batch_of_250_is_written_as_three_atomic_chunks()
    {
        var actions = Enumerable.Range(0, 250).Select(i => Add($"row{i:D3}")).ToList();

        var result = await _table.SubmitBatchAsync(actions);

        result.Should().Be(new BatchResult(3, 3));
        (await _table.QueryPartitionAsync(Team).CountAsync()).Should().Be(250);
    }

    [Fact]
    public async Task A_conflict_in_the_second_chunk_stops_the_batch_after_the_first_and_writes_nothing_of_the_second()
    {
        await _table.InsertAsync(new TableEntity(Team, "row120"));
        var actions = Enumerable.Range(0, 250).Select(i => Add($"row{i:D3}")).ToList();

        var result = await _table.SubmitBatchAsync(actions);

        result.Should().Be(new BatchResult(1, 3, new StorageConflict(StorageConflictKind.AlreadyExists, Team, "row120")));
        result.Succeeded.Should().BeFalse();
        var stored = await _table.QueryPartitionAsync(Team).Select(entity => entity.RowKey).ToListAsync();
        stored.Should().Equal(Enumerable.Range(0, 100).Select(i => $"row{i:D3}").Append("row120"));
    }

    [Fact]
    public async Task A_batch_spanning_partitions_is_refused_before_anything_is_written()
    {
        List<TableTransactionAction> actions = [Add("a"), new(TableTransactionActionType.Add, new TableEntity(TableKey.Encode("19:other@thread.v2"), "b"))];

        await FluentActions.Awaiting(() => _table.SubmitBatchAsync(actions))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*one partition*2 partitions*");
        (await _table.QueryPartitionAsync(Team).CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_batch_mixes_inserts_updates_and_deletes()
    {
        await TestStorage.SeedAsync(_table, [new TableEntity(Team, "keep"), new TableEntity(Team, "drop")]);
        List<TableTransactionAction> actions =
        [
            Add("new"),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(Team, "keep") { ["V"] = 2 }),
            new(TableTransactionActionType.Delete, new TableEntity(Team, "drop"), ETag.All),
        ];

        (await _table.SubmitBatchAsync(actions)).Succeeded.Should().BeTrue();

        (await _table.QueryPartitionAsync(Team).Select(entity => entity.RowKey).ToListAsync()).Should().Equal("keep", "new");
    }

    private static TableTransactionAction Add(string rowKey) => new(TableTransactionActionType.Add, new TableEntity(Team, rowKey));
}
