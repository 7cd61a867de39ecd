using TrustBot.Scheduling;

namespace TrustBot.Teams;

/// <summary>Registers what keeps each team's stored roster in step with Teams.</summary>
public static class RosterSyncRegistration
{
    /// <summary>
    /// Adds <see cref="SyncRosterJob"/> as an <see cref="IJobHandler"/> (the install's full sync; the
    /// members added and removed in between are handled in the turn, by <see cref="TeamDirectory"/>).
    /// </summary>
    public static IServiceCollection AddRosterSync(this IServiceCollection services)
    {
        services.AddSingleton<IJobHandler, SyncRosterJob>();
        return services;
    }
}
