using TrustBot.Bot;
using TrustBot.Storage;

namespace TrustBot.Observations;

/// <summary>Registers stage 1's other diagnostic tools: leads' interview and GoSee observations.</summary>
public static class ObservationsRegistration
{
    /// <summary>Adds the observation dialog and the table-backed store it keeps observations in.</summary>
    public static IServiceCollection AddObservations(this IServiceCollection services)
    {
        services.AddTrustBotObservationStore();
        services.AddSingleton<IDialog, ObservationDialog>();
        return services;
    }
}
