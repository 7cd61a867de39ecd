using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace TrustBot.Bot;

/// <summary>Registers who may reach the bot: Bot Framework authentication, the start-up check and <see cref="BotAccessOptions"/>.</summary>
public static class BotAuthenticationRegistration
{
    /// <summary>
    /// Registers <see cref="BotAuthentication"/>, the adapter and the bot (<see cref="TrustBotActivityHandler"/>). The host does not start outside
    /// Development without an app id (<see cref="BotCredentialsCheck"/>) nor with a malformed
    /// <c>Bot:AllowedTenants</c>. There is deliberately no setting that turns authentication off.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotCredentials>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentials>, BotCredentialsCheck>();
        services.AddOptions<BotAccessOptions>()
            .Bind(configuration.GetSection(BotAccessOptions.SectionName))
            .Validate(options => options.HasValidTenants(), $"{BotAccessOptions.SectionName}:{nameof(BotAccessOptions.AllowedTenants)} must list tenant ids (GUIDs), e.g. Bot__AllowedTenants__0=72f988bf-86f1-41af-91ab-2d7cd011db47.")
            .ValidateOnStart();
        services.AddSingleton<BotFrameworkAuthentication, BotAuthentication>();
        services.AddSingleton<TrustBotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<TrustBotAdapter>());
        services.AddTransient<IBot, TrustBotActivityHandler>();
        return services;
    }
}
