using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Configuration;

[Collection(AzuriteCollection.Name)]
public sealed class StorageConfigurationTests(AzuriteFixture azurite)
{
    [Fact]
    public void A_connection_string_gives_clients_whose_names_carry_the_prefix()
    {
        var account = new StorageAccount(new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = "dev1" });

        account.Table("Pulses").Name.Should().Be("dev1Pulses");
        account.Queue("Deliveries").Name.Should().Be("dev1-deliveries");
        account.Tables.Uri.Should().Be(new Uri(azurite.ConnectionString.Split("TableEndpoint=")[1].TrimEnd(';')));
    }

    [Fact]
    public void Account_endpoints_give_clients_for_the_managed_identity_without_any_key()
    {
        var account = new StorageAccount(new StorageOptions
        {
            TableEndpoint = new Uri("https://trustbotprod.table.core.windows.net"),
            QueueEndpoint = new Uri("https://trustbotprod.queue.core.windows.net"),
            ManagedIdentityClientId = "2d9b2a1c-5b5e-4b0f-9c6e-4a8f1d2e3c4b",
        });

        account.Table("Pulses").Uri.Should().Be(new Uri("https://trustbotprod.table.core.windows.net/trustbotPulses"));
        account.Queue("Deliveries").Uri.Should().Be(new Uri("https://trustbotprod.queue.core.windows.net/trustbot-deliveries"));
    }

    [Fact]
    public async Task Starting_creates_every_registered_table_and_queue()
    {
        using var host = Host(new() { ["Storage:ConnectionString"] = azurite.ConnectionString, ["Storage:NamePrefix"] = azurite.UniquePrefix() });

        await host.StartAsync();
        await host.Services.GetRequiredService<StorageInitializer>().Created.WaitAsync(TimeSpan.FromSeconds(30));

        var account = host.Services.GetRequiredService<StorageAccount>();
        foreach (var table in new[] { "Pulses", StorageLease.TableName })
        {
            var name = account.Table(table).Name;
            (await account.Tables.QueryAsync(TableClient.CreateQueryFilter($"TableName eq {name}")).CountAsync()).Should().Be(1, name);
        }

        (await account.Queue("Deliveries").ExistsAsync()).Value.Should().BeTrue();
        await host.StopAsync();
    }

    [Theory]
    [InlineData(null, null, "*Storage is not configured*Storage:ConnectionString*Storage:TableEndpoint*Storage:QueueEndpoint*")]
    [InlineData(null, "https://a.table.core.windows.net", "*Storage is not configured*")]
    [InlineData("not a connection string", null, "*Storage:ConnectionString is not a valid storage connection string*")]
    public async Task Starting_without_usable_storage_settings_fails_with_what_to_set(string? connectionString, string? tableEndpoint, string message)
    {
        using var host = Host(new() { ["Storage:ConnectionString"] = connectionString, ["Storage:TableEndpoint"] = tableEndpoint });

        await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage(message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Starting_with_a_bad_name_prefix_fails_with_the_rule(string prefix)
    {
        using var host = Host(new() { ["Storage:ConnectionString"] = azurite.ConnectionString, ["Storage:NamePrefix"] = prefix });

        await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<InvalidOperationException>()
            .WithMessage($"Storage:NamePrefix must be 1-40 letters or digits starting with a letter; got '{prefix}'.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("Pulse-Runs")]
    [InlineData("9lives")]
    public void Tables_and_queues_are_registered_by_plain_names_only(string name)
    {
        FluentActions.Invoking(() => new ServiceCollection().AddTrustBotTable(name)).Should().Throw<ArgumentException>().WithMessage("*2-20 letters or digits*");
        FluentActions.Invoking(() => new ServiceCollection().AddTrustBotQueue(name)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task An_unregistered_table_is_refused_because_no_one_created_it()
    {
        await using var storage = await TestStorage.StartAsync(azurite, _ => { });

        FluentActions.Invoking(() => storage.Tables.Get("Pulses")).Should().Throw<InvalidOperationException>().WithMessage("*AddTrustBotTable(\"Pulses\")*");
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddTrustBotStorage(builder.Configuration).AddTrustBotTable("Pulses").AddTrustBotQueue("Deliveries");
        return builder.Build();
    }
}
