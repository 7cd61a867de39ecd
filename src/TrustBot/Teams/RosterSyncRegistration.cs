using TrustBot.Delivery;
using TrustBot.Scheduling;
using TrustBot.Storage;

namespace TrustBot.Teams;

/// <summary>Registers what keeps each team's stored roster in step with Teams.</summary>
public static class RosterSyncRegistration
{
    /// <summary>
    /// Adds <see cref="SyncRosterJob"/> as an <see cref="IJobHandler"/> (the install's full sync; the
    /// members added and removed in between are handled in the turn, by <see cref="TeamDirectory"/>),
    /// and <see cref="TeamChanges"/> with its store, the job that suggests a check-in to the leads and
    /// the composer of that suggestion.
    /// </summary>
    public static IServiceCollection AddRosterSync(this IServiceCollection services)
    {
        services.AddSingleton<IJobHandler, SyncRosterJob>();
        services.AddTrustBotTeamChangeStore();
        services.AddSingleton<TeamChanges>();
        services.AddSingleton<IJobHandler, SuggestCheckInJob>();
        services.AddSingleton<IDeliveryComposer, TeamCheckInComposer>();
        return services;
    }
}
