using Microsoft.Extensions.Options;
using TrustBot.Bot;
using TrustBot.Domain.Recovery;
using TrustBot.Pulse;
using TrustBot.Scheduling;
using TrustBot.Storage;

namespace TrustBot.Recovery.Webhook;

/// <summary>Registers the incident webhook: its store, signatures, options and the <c>incident webhook</c> dialog.</summary>
public static class IncidentWebhookRegistration
{
    /// <summary>
    /// Registers the IncidentWebhook services; <see cref="IncidentWebhookEndpoint.MapIncidentWebhook"/>
    /// maps the endpoint. Secrets are derived under the same app secret as anonymous answers
    /// (<see cref="PulseOptions.AnonymitySecret"/>), with a label of their own.
    /// </summary>
    public static IServiceCollection AddIncidentWebhook(this IServiceCollection services)
    {
        services.AddTrustBotIncidentWebhookStore();
        services.AddOptions<IncidentWebhookOptions>()
            .BindConfiguration(IncidentWebhookOptions.SectionName)
            .Validate(options => options.HasValidPublicBaseUrl(), $"{IncidentWebhookOptions.SectionName}:{nameof(IncidentWebhookOptions.PublicBaseUrl)} must be empty or an absolute http(s) URL, e.g. https://trustbot.contoso.com.")
            .ValidateOnStart();
        services.AddSingleton(sp => new IncidentWebhookSignature(sp.GetRequiredService<IOptions<PulseOptions>>().Value.SecretBytes()));
        services.AddSingleton<IncidentWebhookReplays>();
        services.AddSingleton<IJobHandler, ExpireWebhookReplaysJob>();
        services.AddHttpContextAccessor();
        services.AddSingleton<IDialog, IncidentWebhookDialog>();
        return services;
    }
}
