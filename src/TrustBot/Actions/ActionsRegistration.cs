using TrustBot.Bot;
using TrustBot.Delivery;
using TrustBot.Scheduling;
using TrustBot.Storage;

namespace TrustBot.Actions;

/// <summary>Registers stage 4: action items with owners, due dates and the factor they address.</summary>
public static class ActionsRegistration
{
    /// <summary>
    /// Adds the actions dialog, the table-backed store it keeps items in, and the reminders: the
    /// owner's (the morning before the due day, and once when overdue) and the leads' weekly digest,
    /// as jobs and deliveries (the scheduler comes from <c>AddSchedulerAndDelivery</c>).
    /// </summary>
    public static IServiceCollection AddActionsStage(this IServiceCollection services)
    {
        services.AddTrustBotActionStore();
        services.AddSingleton<IDialog, ActionsDialog>();
        services.AddSingleton<ActionReminderPlanner>();
        services.AddSingleton<IJobHandler, ActionReminderJob>();
        services.AddSingleton<IJobHandler, ActionDigestJob>();
        services.AddSingleton<IDeliveryComposer, ActionReminderComposer>();
        return services;
    }
}
