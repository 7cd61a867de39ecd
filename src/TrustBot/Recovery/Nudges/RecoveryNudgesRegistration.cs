using TrustBot.Delivery;
using TrustBot.Scheduling;

namespace TrustBot.Recovery.Nudges;

/// <summary>Registers the RecoveryNudges part of stage 5.</summary>
public static class RecoveryNudgesRegistration
{
    /// <summary>
    /// Registers the RecoveryNudges services: the job that does each step of a recovery plan when it
    /// is due, and the composer that writes its messages when they are sent.
    /// </summary>
    public static IServiceCollection AddRecoveryNudges(this IServiceCollection services)
    {
        services.AddSingleton<IJobHandler, RecoveryNudgeJob>();
        services.AddSingleton<IDeliveryComposer, RecoveryNudgeComposer>();
        return services;
    }
}
