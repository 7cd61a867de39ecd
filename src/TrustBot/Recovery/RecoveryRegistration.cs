using TrustBot.Recovery.Incidents;
using TrustBot.Recovery.Nudges;
using TrustBot.Recovery.Webhook;

namespace TrustBot.Recovery;

/// <summary>Registers stage 5: incidents, their recovery plans and nudges, and the incident webhook.</summary>
public static class RecoveryRegistration
{
    /// <summary>Registers everything stage 5 needs (the scheduler and delivery come from <c>AddSchedulerAndDelivery</c>).</summary>
    public static IServiceCollection AddRecoveryStage(this IServiceCollection services)
    {
        services.AddSingleton<RecoveryPlanner>();
        services.AddIncidents();
        services.AddRecoveryNudges();
        services.AddIncidentWebhook();
        return services;
    }
}
