using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Actions;
using TrustBot.Storage.Summary;

namespace TrustBot.Storage.Actions;

/// <summary>Registers the table-backed <see cref="IActionItemStore"/>.</summary>
public static class ActionItemStoreRegistration
{
    /// <summary>
    /// Registers the <c>ActionItems</c> table (as holding member data: each row names its owner, for
    /// "forget me") and <see cref="TableActionItemStore"/> as a singleton; the storage itself comes from
    /// <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotActionStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableActionItemStore.ActionItemsTable, holdsMemberData: true).AddSummaryStampTable();
        services.AddSingleton<IActionItemStore, TableActionItemStore>();
        return services;
    }
}
