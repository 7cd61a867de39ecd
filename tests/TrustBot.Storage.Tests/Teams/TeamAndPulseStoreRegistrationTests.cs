using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Teams;
using TrustBot.Storage.Pulse;
using TrustBot.Storage.Teams;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Teams;

[Collection(AzuriteCollection.Name)]
public sealed class TeamAndPulseStoreRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_host_registration_gives_working_singleton_stores_over_created_tables()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:NamePrefix"] = azurite.UniquePrefix(),
            })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddTrustBotStorage(configuration).AddTrustBotTeamAndPulseStores().BuildServiceProvider();
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);

        var teams = services.GetRequiredService<ITeamStore>();
        await teams.SaveMembershipAsync(new Membership("29:1x", "19:t@thread.tacv2", TeamRole.Lead, null), default);

        teams.Should().BeOfType<TableTeamStore>().And.BeSameAs(services.GetRequiredService<ITeamStore>());
        services.GetRequiredService<IPulseStore>().Should().BeOfType<TablePulseStore>().And.BeSameAs(services.GetRequiredService<IPulseStore>());
        (await teams.GetMembershipAsync("29:1x", "19:t@thread.tacv2", default)).Should().NotBeNull();
    }

    [Fact]
    public void Tables_with_rows_about_one_member_are_registered_as_holding_member_data()
    {
        var registered = new ServiceCollection().AddTrustBotTeamAndPulseStores()
            .Where(descriptor => descriptor.ServiceType == typeof(TableRegistration))
            .Select(descriptor => (TableRegistration)descriptor.ImplementationInstance!)
            .ToDictionary(registration => registration.Name, registration => registration.HoldsMemberData);

        registered.Should().Equal(new Dictionary<string, bool>
        {
            ["Teams"] = false,
            ["Memberships"] = true,
            ["PersonalChats"] = true,
        ["Rosters"] = true,
            ["PulseRuns"] = false,
            ["PulseInvitations"] = true,
            ["PulseResponses"] = false,
        });
    }
}
