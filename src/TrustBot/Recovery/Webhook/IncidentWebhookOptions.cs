namespace TrustBot.Recovery.Webhook;

/// <summary>How the incident webhook is offered to leads (configuration section <c>IncidentWebhook</c>).</summary>
public sealed class IncidentWebhookOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "IncidentWebhook";

    /// <summary>
    /// The address incident tools reach TrustBot at, e.g. <c>https://trustbot.contoso.com</c>; the
    /// webhook's URL is this and <c>/api/incidents/{webhookId}</c>. Empty (the default): the host
    /// Teams reached the bot at, over https (plain http only for a loopback host, as in local runs).
    /// Set it when tools reach the bot by another name than Teams does.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Whether <see cref="PublicBaseUrl"/> is empty or an absolute http(s) URL.</summary>
    public bool HasValidPublicBaseUrl() =>
        string.IsNullOrEmpty(PublicBaseUrl)
        || (Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp));
}
