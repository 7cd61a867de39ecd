using TrustBot.Bot;
using TrustBot.Delivery;
using TrustBot.Storage;

namespace TrustBot.Recovery.Incidents;

/// <summary>Registers the Incidents part of stage 5: declaring, accepting, dismissing, listing and closing incidents.</summary>
public static class IncidentsRegistration
{
    /// <summary>Adds the incident dialog, the leads' card composer, the service they share (also the webhook's) and the table-backed store.</summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddTrustBotIncidentStore();
        services.AddSingleton<IncidentService>();
        services.AddSingleton<IDialog, IncidentDialog>();
        services.AddSingleton<IDeliveryComposer, IncidentForLeadsComposer>();
        return services;
    }
}
