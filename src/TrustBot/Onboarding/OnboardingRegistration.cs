using TrustBot.Bot;

namespace TrustBot.Onboarding;

/// <summary>Registers the first contact: the welcome on install and the help card.</summary>
public static class OnboardingRegistration
{
    /// <summary>
    /// Adds <see cref="HelpDialog"/> (as itself, for the activity handler's answer to unknown text,
    /// and as an <see cref="IDialog"/> for the <c>help</c> command) and <see cref="WelcomeDialog"/>.
    /// </summary>
    public static IServiceCollection AddOnboarding(this IServiceCollection services)
    {
        services.AddSingleton<HelpDialog>();
        services.AddSingleton<IDialog>(sp => sp.GetRequiredService<HelpDialog>());
        services.AddSingleton<WelcomeDialog>();
        return services;
    }
}
