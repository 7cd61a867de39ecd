using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Support;

/// <summary>
/// Storage wired exactly as the host wires it (AddTrustBotStorage), on Azurite, under a prefix no
/// other test uses, with the registered tables created.
/// </summary>
internal sealed class TestStorage : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestStorage(ServiceProvider services) => _services = services;

    public StorageTables Tables => _services.GetRequiredService<StorageTables>();

    public StorageAccount Account => _services.GetRequiredService<StorageAccount>();

    public DataDeletion Deletion => _services.GetRequiredService<DataDeletion>();

    public StorageTable Table(string name) => Tables.Get(name);

    /// <summary>Starts storage with the given tables registered (and fast retries unless configured otherwise).</summary>
    public static async Task<TestStorage> StartAsync(
        AzuriteFixture azurite, Action<IServiceCollection> register, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:NamePrefix"] = azurite.UniquePrefix(),
                ["Storage:Resilience:TotalTimeout"] = "00:00:05",
                ["Storage:Resilience:BaseDelay"] = "00:00:00.050",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection().AddLogging().AddTrustBotStorage(configuration);
        register(services);
        var storage = new TestStorage(services.BuildServiceProvider());
        await storage.InitializeAsync();
        return storage;
    }

    /// <summary>Runs the start-up work again, e.g. after Azurite restarted empty.</summary>
    public Task InitializeAsync() => _services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>Inserts entities of one partition through the batch path.</summary>
    public static async Task SeedAsync(StorageTable table, IEnumerable<TableEntity> entities)
    {
        foreach (var partition in entities.GroupBy(entity => entity.PartitionKey))
        {
            var result = await table.SubmitBatchAsync(partition.Select(entity => new TableTransactionAction(TableTransactionActionType.Add, entity)).ToList());
            result.Succeeded.Should().BeTrue(result.ToString());
        }
    }
}
