using TrustBot.Bot;
using TrustBot.Delivery;
using TrustBot.Scheduling;
using TrustBot.Teams.Leads;
using TrustBot.Teams.Retention;

namespace TrustBot.Teams;

/// <summary>Registers teams' lifecycle: installations, lead management, the team picker and the retention of removed teams.</summary>
public static class TeamsRegistration
{
    /// <summary>
    /// Adds <see cref="TeamDirectory"/>, <see cref="TeamInstallations"/>, <see cref="TeamChooser"/>, <see cref="PersonalTimeZones"/>, the
    /// <c>leads</c> dialog with its 1:1 note to new leads, the roster sync and the purge job, and the
    /// validated <see cref="RetentionOptions"/> (section <c>Retention</c>).
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .Validate(options => options.IsValid(), $"{RetentionOptions.SectionName}:{nameof(RetentionOptions.AfterUninstall)} must be a duration from 00:00:00 to {RetentionOptions.MaxAfterUninstall.Days}.00:00:00 (days.hours:minutes:seconds), e.g. 30.00:00:00.")
            .ValidateOnStart();
        services.AddSingleton<TeamDirectory>();
        services.AddSingleton<TeamInstallations>();
        services.AddSingleton<TeamChooser>();
        services.AddSingleton<PersonalTimeZones>();
        services.AddSingleton<IDialog, LeadsDialog>();
        services.AddSingleton<IDeliveryComposer, NewLeadComposer>();
        services.AddSingleton<IJobHandler, PurgeTeamJob>();
        return services.AddRosterSync();
    }
}
