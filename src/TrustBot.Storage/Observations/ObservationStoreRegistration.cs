using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Observations;

using TrustBot.Storage.Summary;

namespace TrustBot.Storage.Observations;

/// <summary>Registers the table-backed <see cref="IObservationStore"/>.</summary>
public static class ObservationStoreRegistration
{
    /// <summary>
    /// Registers the <c>Observations</c> table (as holding member data: each row names the lead who
    /// logged it, for "forget me") and <see cref="TableObservationStore"/> as a singleton; the storage
    /// itself comes from <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotObservationStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableObservationStore.ObservationsTable, holdsMemberData: true).AddSummaryStampTable();
        services.AddSingleton<IObservationStore, TableObservationStore>();
        return services;
    }
}
