using TrustBot.Delivery;
using TrustBot.Pulse;
using TrustBot.Storage.Delivery;

namespace TrustBot.Scheduling;

/// <summary>Registers the scheduler (planner and jobs) and proactive delivery (queue workers and throttle).</summary>
public static class SchedulerRegistration
{
    /// <summary>
    /// Registers the job planner and the delivery worker as hosted services (each also as itself,
    /// so tests and the Development hook can drive them), the Teams throttle, the pulse jobs and
    /// composer, and their storage. Options come from the <c>Scheduler</c> and <c>Delivery</c> sections.
    /// </summary>
    public static IServiceCollection AddSchedulerAndDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddTrustBotJobAndDeliveryStorage();
        services.AddSingleton<BotInstance>();
        services.AddSingleton<TeamsThrottle>();

        services.AddSingleton<RosterFanOut>();
        services.AddSingleton<PulseScheduler>();
        services.AddSingleton<PulseFanOut>();
        services.AddSingleton<IDeliveryComposer, PulseDeliveryComposer>();
        services.AddSingleton<IJobHandler, OpenScheduledPulseJob>();
        services.AddSingleton<IJobHandler, StartPulseJob>();
        services.AddSingleton<IJobHandler, RemindPulseJob>();
        services.AddSingleton<IJobHandler, ClosePulseJob>();

        services.AddSingleton<JobPlanner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobPlanner>());
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        return services;
    }
}
