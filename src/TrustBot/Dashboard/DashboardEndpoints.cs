using System.Globalization;
using TrustBot.Domain;

namespace TrustBot.Dashboard;

/// <summary>
/// The dashboard tab's routes. <c>GET /tabs/dashboard</c> is the page Teams frames (no data in it;
/// <c>/tabs/dashboard/configure</c> is the page that adds it to a channel or chat);
/// its script signs in and asks <c>GET /tabs/dashboard/content?team=…</c> for a team's dashboard
/// (an HTML fragment) and, for a lead, <c>GET /tabs/dashboard/export?team=…</c> for the CSV. Both
/// need the signed-in person (see <see cref="DashboardSignIn"/>) and answer only about their own
/// teams: a team that is not theirs, or does not exist, gets the same 404.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>The tab's path, its <c>contentUrl</c> in the manifest.</summary>
    public const string PagePath = "/tabs/dashboard";

    /// <summary>Longest team id accepted: Teams' ids are well under it.</summary>
    public const int MaxTeamIdLength = 256;

    /// <summary>What a team id that is not one of the person's teams gets.</summary>
    public const string NotYourTeam = "That team is not one of yours with TrustBot: you are not on it, or TrustBot is not installed there.";

    private const string Html = "text/html; charset=utf-8";

    /// <summary>Maps the page, its assets and the two data endpoints.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var development = app.Environment.IsDevelopment();
        app.MapGet(PagePath, (HttpContext http) =>
        {
            DashboardPage.AddHeaders(http.Response);
            return Results.Content(DashboardPage.Render(development), Html);
        });
        app.MapGet(PagePath + "/configure", (HttpContext http) =>
        {
            DashboardPage.AddHeaders(http.Response);
            return Results.Content(DashboardPage.RenderConfiguration(), Html);
        });
        app.MapGet(PagePath + "/assets/{name}", (string name, HttpContext http) => DashboardAssets.Serve(name, http.Response));

        var data = app.MapGroup(PagePath).RequireAuthorization(DashboardSignIn.Scheme);
        data.MapGet("/content", ContentAsync);
        data.MapGet("/export", ExportAsync);
        return app;
    }

    private static async Task<IResult> ContentAsync(HttpContext http, DashboardService dashboards)
    {
        if (Refusal(http, required: false, out var user, out var teamId) is { } refused)
        {
            return refused;
        }

        var teams = await dashboards.TeamsOfAsync(user, http.RequestAborted).ConfigureAwait(false);
        var team = teamId is null ? (teams.Count > 0 ? teams[0] : null) : teams.FirstOrDefault(candidate => candidate.Id == teamId);
        if (team is null)
        {
            return teamId is null ? Results.Content(DashboardHtml.NoTeams(), Html) : Problem(StatusCodes.Status404NotFound, NotYourTeam);
        }

        var dashboard = await dashboards.BuildAsync(team, user, http.RequestAborted).ConfigureAwait(false);
        return Results.Content(DashboardHtml.Render(teams, dashboard), Html);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, DashboardService dashboards, TimeProvider clock)
    {
        if (Refusal(http, required: true, out var user, out var teamId) is { } refused)
        {
            return refused;
        }

        var teams = await dashboards.TeamsOfAsync(user, http.RequestAborted).ConfigureAwait(false);
        if (teams.FirstOrDefault(candidate => candidate.Id == teamId) is not { } team)
        {
            return Problem(StatusCodes.Status404NotFound, NotYourTeam);
        }

        var dashboard = await dashboards.BuildAsync(team, user, http.RequestAborted).ConfigureAwait(false);
        if (!dashboard.ForLead)
        {
            return Problem(StatusCodes.Status403Forbidden, "Only a lead of this team can export its results.");
        }

        // The file name names no team: a team's name is text its members chose.
        var day = clock.GetUtcNow().ToString(FormFormats.Day, CultureInfo.InvariantCulture);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(AggregatesCsv.Of(dashboard.Report.Views)), AggregatesCsv.ContentType, $"trustbot-results-{day}.csv");
    }

    // Checks what every data request carries: the signed-in person and the team query parameter.
    private static IResult? Refusal(HttpContext http, bool required, out DashboardUser user, out string? teamId)
    {
        // Personal data: never kept by a browser or proxy.
        http.Response.Headers.CacheControl = "no-store";
        user = DashboardUser.Of(http.User)!;
        teamId = null;
        if (user is null)
        {
            return Problem(StatusCodes.Status401Unauthorized, DashboardSignIn.SignInRequired);
        }

        var values = http.Request.Query["team"];
        if (values.Count > 1)
        {
            return Problem(StatusCodes.Status400BadRequest, "Give one team: the team query parameter appears more than once.");
        }

        var given = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(given))
        {
            return required ? Problem(StatusCodes.Status400BadRequest, "Say which team: add ?team=<the team's id> (the dashboard's export button does).") : null;
        }

        if (given.Length > MaxTeamIdLength || given.Any(char.IsControl) || given.Any(char.IsWhiteSpace))
        {
            return Problem(StatusCodes.Status400BadRequest, $"The team parameter is not a team id: at most {MaxTeamIdLength} characters, without spaces or control characters.");
        }

        teamId = given;
        return null;
    }

    private static IResult Problem(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
