using Microsoft.Bot.Builder;

namespace TrustBot.Bot;

/// <summary>Registers the bot itself: who may reach it, the activity handler and the router to the dialogs.</summary>
public static class BotRegistration
{
    /// <summary>
    /// Adds Bot Framework authentication and the adapter (<see cref="BotAuthenticationRegistration.AddBotAuthentication"/>),
    /// <see cref="TrustBotActivityHandler"/> as the <see cref="IBot"/>, and the <see cref="DialogRouter"/>
    /// that finds each feature's dialogs through <see cref="IDialog"/>.
    /// </summary>
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotAuthentication(configuration);
        services.AddTransient<IBot, TrustBotActivityHandler>();
        services.AddSingleton<DialogRouter>();
        return services;
    }
}
