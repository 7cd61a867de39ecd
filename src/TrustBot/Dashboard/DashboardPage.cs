namespace TrustBot.Dashboard;

/// <summary>
/// The page Teams shows in the tab: a frame with no data in it; its script (Assets/dashboard.js)
/// signs in and loads the dashboard. In Development it also carries the clearly marked sign-in
/// stand-in form; elsewhere there is no trace of it.
/// </summary>
public static class DashboardPage
{
    /// <summary>
    /// Where Teams, Outlook and the Microsoft 365 app frame tabs (Microsoft's list for tabs), and no
    /// script but the host's own.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.office.com https://*.microsoft365.com https://*.cloud.microsoft https://*.skype.com";

    /// <summary>The security headers of the page.</summary>
    public static void AddHeaders(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    /// <summary>The page, with the stand-in form only when <paramref name="development"/>.</summary>
    public static string Render(bool development) =>
        $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>TrustBot dashboard</title>
        <link rel="stylesheet" href="{{DashboardEndpoints.PagePath}}/assets/dashboard.css">
        </head>
        <body{{(development ? " data-stand-in=\"allowed\"" : string.Empty)}}>
        {{(development ? StandInForm : string.Empty)}}
        <main id="dashboard" aria-live="polite"><p class="notice">Signing you in…</p></main>
        <script src="{{DashboardEndpoints.PagePath}}/assets/teams-js.js"></script>
        <script src="{{DashboardEndpoints.PagePath}}/assets/dashboard.js"></script>
        </body>
        </html>
        """;

    /// <summary>The configuration page Teams shows when the tab is added to a channel or group chat (<c>configurableTabs</c> in the manifest).</summary>
    public static string RenderConfiguration() =>
        $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Add the TrustBot dashboard</title>
        <link rel="stylesheet" href="{{DashboardEndpoints.PagePath}}/assets/dashboard.css">
        </head>
        <body>
        <main><h1>Trust dashboard</h1><p>Adds the team's trust dashboard to this channel or chat: the trust index, participation and each factor over time, the charter, actions and incidents. Everyone sees only what at least k people answered; leads also see the comments and can export the results. Select Save.</p></main>
        <script src="{{DashboardEndpoints.PagePath}}/assets/teams-js.js"></script>
        <script src="{{DashboardEndpoints.PagePath}}/assets/configure.js"></script>
        </body>
        </html>
        """;

    // Development only: signs in as whoever is named, unchecked (see DevelopmentStandIn).
    private const string StandInForm =
        """
        <aside class="stand-in" role="note" aria-labelledby="stand-in-title">
        <p><strong id="stand-in-title">Development sign-in stand-in</strong>: not Teams sign-in, and absent outside the Development environment. Outside Teams, name the person to sign in as; nothing is checked.</p>
        <form id="stand-in" method="get" action="/tabs/dashboard">
        <label for="stand-in-id">Entra object id</label>
        <input id="stand-in-id" name="standIn" required maxlength="64" pattern="[A-Za-z0-9\-]{1,64}" autocomplete="off">
        <button type="submit">Sign in as this person</button>
        </form>
        </aside>
        """;
}
