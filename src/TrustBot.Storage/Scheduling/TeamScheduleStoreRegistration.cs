using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Storage.Scheduling;

/// <summary>Registers the table-backed <see cref="ITeamScheduleStore"/>.</summary>
public static class TeamScheduleStoreRegistration
{
    /// <summary>
    /// Registers the <c>Schedules</c> table (it names no member, so "forget me" need not search it;
    /// team deletion removes the team's partition) and <see cref="TableTeamScheduleStore"/> as a
    /// singleton; the storage itself comes from <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotScheduleStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableTeamScheduleStore.SchedulesTable);
        services.AddSingleton<ITeamScheduleStore, TableTeamScheduleStore>();
        return services;
    }
}
