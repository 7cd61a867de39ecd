using TrustBot.Bot;

namespace TrustBot.Summary;

/// <summary>Registers stage 3's summaries: the team's trust index, factors and trends.</summary>
public static class SummaryRegistration
{
    /// <summary>Adds <see cref="SummaryService"/> and the summary dialog.</summary>
    public static IServiceCollection AddSummary(this IServiceCollection services)
    {
        services.AddSingleton<SummaryService>();
        services.AddSingleton<SummaryViewCache>();
        services.AddSingleton<IDialog, SummaryDialog>();
        return services;
    }
}
