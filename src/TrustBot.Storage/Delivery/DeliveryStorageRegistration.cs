using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Scheduling;
using TrustBot.Storage.Scheduling;

namespace TrustBot.Storage.Delivery;

/// <summary>Registers the storage of the scheduler and of proactive delivery.</summary>
public static class DeliveryStorageRegistration
{
    /// <summary>
    /// Registers the <c>Jobs</c>, <c>JobFailures</c>, <c>Deliveries</c> and <c>DeliveryFailures</c> tables
    /// (the last two name members, for "forget me"), the <see cref="PendingDeliveries.QueueName"/> queue, and
    /// <see cref="TableJobStore"/>, <see cref="JobFailures"/>, <see cref="PendingDeliveries"/>,
    /// <see cref="DeliveryLedger"/> and <see cref="DeliveryFailures"/> as singletons.
    /// </summary>
    public static IServiceCollection AddTrustBotJobAndDeliveryStorage(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableJobStore.JobsTable);
        services.AddTrustBotTable(JobFailures.FailuresTable);
        services.AddTrustBotTable(DeliveryLedger.DeliveriesTable, holdsMemberData: true);
        services.AddTrustBotTable(DeliveryFailures.FailuresTable, holdsMemberData: true);
        services.AddTrustBotQueue(PendingDeliveries.QueueName);
        services.AddSingleton<IJobStore, TableJobStore>();
        services.AddSingleton<JobFailures>();
        services.AddSingleton<PendingDeliveries>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<DeliveryFailures>();
        return services;
    }
}
