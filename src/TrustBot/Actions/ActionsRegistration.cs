using TrustBot.Bot;
using TrustBot.Storage.Actions;

namespace TrustBot.Actions;

/// <summary>Registers stage 4: action items with owners, due dates and the factor they address.</summary>
public static class ActionsRegistration
{
    /// <summary>Adds the actions dialog and the table-backed store it keeps items in.</summary>
    public static IServiceCollection AddActionsStage(this IServiceCollection services)
    {
        services.AddTrustBotActionStore();
        services.AddSingleton<IDialog, ActionsDialog>();
        return services;
    }
}
