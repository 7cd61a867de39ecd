using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Recovery;

using TrustBot.Storage.Summary;

namespace TrustBot.Storage.Recovery;

/// <summary>Registers the table-backed <see cref="IIncidentStore"/>.</summary>
public static class IncidentStoreRegistration
{
    /// <summary>
    /// Registers the <c>Incidents</c> table (as holding member data: each row names the member who
    /// declared it, for "forget me") and <see cref="TableIncidentStore"/> as a singleton; the storage
    /// itself comes from <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotIncidentStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableIncidentStore.IncidentsTable, holdsMemberData: true).AddSummaryStampTable();
        services.AddSingleton<IIncidentStore, TableIncidentStore>();
        return services;
    }
}
