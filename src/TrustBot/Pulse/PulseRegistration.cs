using Microsoft.Extensions.Options;
using TrustBot.Bot;
using TrustBot.Delivery;
using TrustBot.Domain.Pulse;
using TrustBot.Scheduling;
using TrustBot.Storage;

namespace TrustBot.Pulse;

/// <summary>Registers stage 1's pulse check-ins: starting, answering, reminding and closing pulses.</summary>
public static class PulseRegistration
{
    /// <summary>
    /// Adds the validated <see cref="PulseOptions"/> (section <c>Pulse</c>; the host does not start
    /// without a usable secret), the <see cref="AnonymousKeys"/> and <see cref="AnswerSeal"/> keyed by
    /// that secret, the built-in <see cref="QuestionBank"/>, <see cref="PulseService"/>, the pulse
    /// dialog, the fan-out and composer of pulse cards, the jobs that open scheduled pulses, remind and
    /// close them, and the team and pulse stores. The scheduler that runs the jobs comes from
    /// <c>AddSchedulerAndDelivery</c>.
    /// </summary>
    public static IServiceCollection AddPulse(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PulseOptions>()
            .Bind(configuration.GetSection(PulseOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(options => { options.SecretBytes(); return true; })
            .ValidateOnStart();
        services.AddSingleton(sp => new AnonymousKeys(sp.GetRequiredService<IOptions<PulseOptions>>().Value.SecretBytes()));
        services.AddSingleton(sp => new AnswerSeal(sp.GetRequiredService<IOptions<PulseOptions>>().Value.SecretBytes()));
        services.AddSingleton(QuestionBank.BuiltIn);
        services.AddTrustBotTeamAndPulseStores();
        services.AddSingleton<PulseService>();
        services.AddSingleton<PulseRunCache>();
        services.AddSingleton<IDialog, PulseDialog>();

        services.AddSingleton<PulseFanOut>();
        services.AddSingleton<IDeliveryComposer, PulseDeliveryComposer>();
        services.AddSingleton<IJobHandler, OpenScheduledPulseJob>();
        services.AddSingleton<IJobHandler, StartPulseJob>();
        services.AddSingleton<IJobHandler, RemindPulseJob>();
        services.AddSingleton<IJobHandler, ClosePulseJob>();
        return services;
    }
}
