using TrustBot.Delivery;
using TrustBot.Bot;
using TrustBot.Scheduling;
using TrustBot.Storage;

namespace TrustBot.Definition;

/// <summary>Registers stage 2: proposals for what trust means, the vote and the trust charter.</summary>
public static class DefinitionRegistration
{
    /// <summary>Adds the definition dialogs and the table-backed stores they keep proposals, ballots and charters in.</summary>
    public static IServiceCollection AddDefinitionStage(this IServiceCollection services)
    {
        services.AddTrustBotDefinitionStores();
        services.AddSingleton<IDialog, TrustVoteDialog>();
        services.AddSingleton<IJobHandler, OpenVoteJob>();
        services.AddSingleton<IDeliveryComposer, BallotDeliveryComposer>();
        services.AddSingleton<IDialog, CharterDialog>();
        services.AddSingleton<IDeliveryComposer, CharterWelcomeComposer>();
        return services;
    }
}
