using TrustBot.Delivery;
using TrustBot.Storage;

namespace TrustBot.Scheduling;

/// <summary>Registers the scheduler (planner and jobs) and proactive delivery (queue workers and throttle).</summary>
public static class SchedulerRegistration
{
    /// <summary>
    /// Registers the job planner and the delivery worker as hosted services (each also as itself,
    /// so tests and the Development hook can drive them), the Teams throttle, the proactive
    /// messenger, the roster fan-out, the <see cref="PulseScheduler"/> that plans scheduled runs, and
    /// their storage. Each feature registers its own jobs and composers (e.g. <c>AddPulse</c>). Options come from the <c>Scheduler</c> and <c>Delivery</c> sections.
    /// </summary>
    public static IServiceCollection AddSchedulerAndDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddTrustBotJobAndDeliveryStorage();
        services.AddSingleton<BotInstance>();
        services.AddSingleton<TeamsThrottle>();

        services.AddSingleton<ITeamsMessenger, ProactiveMessenger>();
        services.AddSingleton<RosterFanOut>();
        services.AddSingleton<PulseScheduler>();

        services.AddSingleton<JobPlanner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobPlanner>());
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        return services;
    }
}
