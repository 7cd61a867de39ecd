using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Teams;
using TrustBot.Storage.Pulse;
using TrustBot.Storage.Teams;

namespace TrustBot.Storage;

/// <summary>Registers the table-backed <see cref="ITeamStore"/>, <see cref="ITeamRosterStore"/> and <see cref="IPulseStore"/>.</summary>
public static class TeamAndPulseStoreRegistration
{
    /// <summary>
    /// Registers the tables of <see cref="TableTeamStore"/>, <see cref="TableTeamRosterStore"/> and <see cref="TablePulseStore"/> (those
    /// with rows about one member as holding member data, for "forget me") and the stores as
    /// singletons. Call after <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotTeamAndPulseStores(this IServiceCollection services)
    {
        services
            .AddTrustBotTable(TableTeamStore.TeamsTable)
            .AddTrustBotTable(TableTeamStore.MembershipsTable, holdsMemberData: true)
            .AddTrustBotTable(TableTeamStore.PersonalChatsTable, holdsMemberData: true)
            .AddTrustBotTable(TableTeamRosterStore.TableName, holdsMemberData: true)
            .AddTrustBotTable(TablePulseStore.RunsTable)
            .AddTrustBotTable(TablePulseStore.InvitationsTable, holdsMemberData: true)
            .AddTrustBotTable(TablePulseStore.ResponsesTable);
        services.AddSingleton<ITeamStore, TableTeamStore>();
        services.AddSingleton<ITeamRosterStore, TableTeamRosterStore>();
        services.AddSingleton<IPulseStore, TablePulseStore>();
        return services;
    }
}
