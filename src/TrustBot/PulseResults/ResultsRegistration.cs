using TrustBot.Bot;
using TrustBot.Delivery;
using TrustBot.Scheduling;
using TrustBot.Storage;

namespace TrustBot.PulseResults;

/// <summary>Registers the results that go back to the members when a pulse closes.</summary>
public static class ResultsRegistration
{
    /// <summary>
    /// Adds the planner the pulse close calls, the job that sends the results once the leads' wait is
    /// over, the composer of the members' and leads' cards, the leads' send dialog, and where releases
    /// are kept. Options come from the <c>Results</c> section.
    /// </summary>
    public static IServiceCollection AddPulseResults(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ResultsOptions>().Bind(configuration.GetSection(ResultsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTrustBotResultsReleaseStore();
        services.AddSingleton<PulseResultsPlanner>();
        services.AddSingleton<ResultsService>();
        services.AddSingleton<IJobHandler, PulseResultsJob>();
        services.AddSingleton<IDeliveryComposer, ResultsComposer>();
        services.AddSingleton<IDialog, ResultsDialog>();
        return services;
    }
}
