using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Teams;

using TrustBot.Storage.Summary;

namespace TrustBot.Storage.Teams;

/// <summary>Registers the table-backed <see cref="ITeamChangeStore"/>.</summary>
public static class TeamChangeStoreRegistration
{
    /// <summary>
    /// Registers the <c>TeamChanges</c> table (it keeps digests, not member ids, so "forget me" need
    /// not search it; team deletion removes the team's partition) and <see cref="TableTeamChangeStore"/>
    /// as a singleton. Call after <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotTeamChangeStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableTeamChangeStore.TableName).AddSummaryStampTable();
        services.AddSingleton<ITeamChangeStore, TableTeamChangeStore>();
        return services;
    }
}
