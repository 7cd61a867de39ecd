using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Recovery;

namespace TrustBot.Storage.Recovery;

/// <summary>Registers the table-backed <see cref="IIncidentWebhookStore"/>.</summary>
public static class IncidentWebhookStoreRegistration
{
    /// <summary>
    /// Registers the <c>IncidentWebhooks</c> and <c>WebhookReplays</c> tables (they name no member, so
    /// "forget me" need not search them; team deletion removes the team's webhook row) and
    /// <see cref="TableIncidentWebhookStore"/> as a singleton; the storage itself comes from
    /// <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotIncidentWebhookStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableIncidentWebhookStore.WebhooksTable);
        services.AddTrustBotTable(TableIncidentWebhookStore.ReplaysTable);
        services.AddSingleton<IIncidentWebhookStore, TableIncidentWebhookStore>();
        return services;
    }
}
