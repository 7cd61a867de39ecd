using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Faults;

[Collection(AzuriteFaultCollection.Name)]
public sealed class StorageOutageTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(2);
    private static readonly string Team = TableKey.Encode("19:team@thread.tacv2");

    [Fact]
    public async Task When_storage_goes_away_mid_sequence_callers_get_a_clear_error_in_bounded_time_and_all_works_again_after_it_returns()
    {
        await using var storage = await TestStorage.StartAsync(
            azurite,
            services => services.AddTrustBotTable("Items"),
            new Dictionary<string, string?> { ["Storage:Resilience:TotalTimeout"] = TotalTimeout.ToString() });
        var table = storage.Table("Items");
        for (var i = 0; i < 3; i++)
        {
            (await table.InsertAsync(new TableEntity(Team, $"before{i}"))).Succeeded.Should().BeTrue();
        }

        await azurite.StopAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            await FluentActions.Awaiting(() => table.InsertAsync(new TableEntity(Team, "during")))
                .Should().ThrowAsync<StorageUnavailableException>().WithMessage("Storage is unavailable*");
            clock.Elapsed.Should().BeLessThan(TotalTimeout + TimeSpan.FromSeconds(3), "retries are bounded by the total timeout");

            var batch = await table.SubmitBatchAsync(Batch(150));
            batch.CommittedChunks.Should().Be(0);
            batch.TotalChunks.Should().Be(2);
            batch.Error.Should().BeOfType<StorageUnavailableException>();
        }
        finally
        {
            await azurite.StartAsync();
        }

        // In-memory Azurite comes back empty, as a restored account would need its tables again.
        await storage.InitializeAsync();
        (await table.QueryPartitionAsync(Team).CountAsync()).Should().Be(0, "the batch that ran while storage was down wrote nothing");
        (await table.SubmitBatchAsync(Batch(150))).Succeeded.Should().BeTrue();
        (await table.InsertAsync(new TableEntity(Team, "after"))).Succeeded.Should().BeTrue();
        (await table.QueryPartitionAsync(Team).CountAsync()).Should().Be(151);
    }

    [Fact]
    public async Task A_host_started_while_storage_is_down_starts_anyway_and_creates_its_tables_once_storage_answers()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:NamePrefix"] = azurite.UniquePrefix(),
            ["Storage:Resilience:TotalTimeout"] = "00:00:01",
            ["Storage:Resilience:BaseDelay"] = "00:00:00.050",
            ["Storage:Resilience:MaxDelay"] = "00:00:00.200",
        });
        builder.Services.AddTrustBotStorage(builder.Configuration).AddTrustBotTable("Items");
        using var host = builder.Build();
        var initializer = host.Services.GetRequiredService<StorageInitializer>();

        await azurite.StopAsync();
        try
        {
            await host.StartAsync();
            initializer.Created.IsCompleted.Should().BeFalse();
        }
        finally
        {
            await azurite.StartAsync();
        }

        await initializer.Created.WaitAsync(TimeSpan.FromSeconds(30));
        var table = host.Services.GetRequiredService<StorageTables>().Get("Items");
        (await table.InsertAsync(new TableEntity(Team, "after"))).Succeeded.Should().BeTrue();
        await host.StopAsync();
    }

    private static List<TableTransactionAction> Batch(int count) =>
        Enumerable.Range(0, count).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Team, $"batch{i:D3}"))).ToList();
}
