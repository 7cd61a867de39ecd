using TrustBot.Bot;
using TrustBot.Storage;

namespace TrustBot.Scheduling;

/// <summary>Registers the team schedules: the <c>schedule</c> command and card, and where schedules are kept.</summary>
public static class SchedulingRegistration
{
    /// <summary>
    /// Adds the schedule dialog and the table-backed schedule store. The dialog plans runs with the
    /// <see cref="PulseScheduler"/>, which the scheduler's own registration (<c>AddSchedulerAndDelivery</c>) adds.
    /// </summary>
    public static IServiceCollection AddSchedulingStage(this IServiceCollection services)
    {
        services.AddTrustBotScheduleStore();
        services.AddSingleton<IDialog, ScheduleDialog>();
        return services;
    }
}
