namespace TrustBot.Dashboard;

/// <summary>
/// The dashboard tab's sign-in (configuration section <c>Dashboard</c>): which Microsoft Entra app
/// Teams asks single sign-on tokens for: an app registration (the bot's own, or one of its own when
/// the bot runs as a managed identity) whose Application ID URI is also the manifest's
/// <c>webApplicationInfo.resource</c>.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>
    /// The Entra app's Application ID URI, <c>api://&lt;host&gt;/&lt;app id&gt;</c>, e.g.
    /// <c>api://trustbot.contoso.com/00000000-0000-0000-0000-000000000000</c>; a token for it (v1
    /// tokens), for the app id at its end (v2 tokens) or for the bot's <c>MicrosoftAppId</c> is
    /// accepted. Empty: only tokens whose audience is <c>MicrosoftAppId</c>.
    /// </summary>
    public string ApplicationIdUri { get; set; } = string.Empty;

    /// <summary>
    /// The app id at the end of <see cref="ApplicationIdUri"/> (<c>api://host/&lt;app id&gt;</c>), the
    /// audience of v2 tokens for it; null when the URI does not end in a GUID.
    /// </summary>
    public string? AppIdOfApplicationIdUri() =>
        Guid.TryParse(ApplicationIdUri.TrimEnd('/').Split('/')[^1], out var appId) ? appId.ToString("D") : null;

    /// <summary>Whether <see cref="ApplicationIdUri"/> is empty or an absolute <c>api://</c> URI.</summary>
    public bool HasValidApplicationIdUri() =>
        string.IsNullOrEmpty(ApplicationIdUri)
        || (Uri.TryCreate(ApplicationIdUri, UriKind.Absolute, out var uri) && uri.Scheme == "api" && uri.Host.Length > 0);
}
