namespace TrustBot.Dashboard;

/// <summary>
/// The dashboard tab's sign-in (configuration section <c>Dashboard</c>): which Microsoft Entra app
/// Teams asks single sign-on tokens for. The app is the bot's own (<c>MicrosoftAppId</c>); its
/// Application ID URI must also be the manifest's <c>webApplicationInfo.resource</c>.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>
    /// The Entra app's Application ID URI, <c>api://&lt;host&gt;/&lt;app id&gt;</c>, e.g.
    /// <c>api://trustbot.contoso.com/00000000-0000-0000-0000-000000000000</c>; a token for it (or
    /// for the app id itself) is accepted. Empty: only tokens whose audience is the app id.
    /// </summary>
    public string ApplicationIdUri { get; set; } = string.Empty;

    /// <summary>Whether <see cref="ApplicationIdUri"/> is empty or an absolute <c>api://</c> URI.</summary>
    public bool HasValidApplicationIdUri() =>
        string.IsNullOrEmpty(ApplicationIdUri)
        || (Uri.TryCreate(ApplicationIdUri, UriKind.Absolute, out var uri) && uri.Scheme == "api" && uri.Host.Length > 0);
}
