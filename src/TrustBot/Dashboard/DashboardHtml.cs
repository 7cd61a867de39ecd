using System.Globalization;
using System.Text;
using TrustBot.Domain;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;
using TrustBot.Domain.Teams;
using static System.Net.WebUtility;

namespace TrustBot.Dashboard;

/// <summary>
/// The dashboard of one team as an HTML fragment the tab's page puts in place: the team picker,
/// the trust index, participation and each factor over time (charts with their tables), the charter,
/// actions and active incidents, and for a lead the comments and the export. Every number comes from
/// <see cref="TeamDashboard.Report"/>, whose views hold only what at least k people answered; nothing
/// here names a person.
/// </summary>
public static class DashboardHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The fragment for <paramref name="dashboard"/>, with <paramref name="teams"/> (the person's teams) to switch between.</summary>
    public static string Render(IReadOnlyList<Team> teams, TeamDashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(dashboard);
        var html = new StringBuilder();
        Picker(html, teams, dashboard.Team);
        var name = dashboard.Team.Name ?? "Your team";
        html.Append(Invariant, $"<header data-shown-team=\"{HtmlEncode(dashboard.Team.Id)}\"><h1>Trust dashboard: {HtmlEncode(name)}</h1><p class=\"role\">{(dashboard.ForLead ? "You lead this team: you also see the comments and can export the results." : "Member view: what every member of the team sees.")}</p></header>");

        var report = dashboard.Report;
        var views = report.Views;
        if (views.Count == 0)
        {
            html.Append("<section aria-labelledby=\"results\"><h2 id=\"results\">Results</h2><p class=\"notice\">")
                .Append(report.Summary.Pending is { } waiting
                    ? string.Create(Invariant, $"Not enough answers yet ({waiting.Responded} of {waiting.Threshold}). Results appear once at least {waiting.Threshold} people have answered a pulse, so that no one's answers can be singled out.")
                    : "No results yet: the first pulse has not closed.")
                .Append("</p></section>");
        }
        else
        {
            TrustIndexOverTime(html, views, report.Summary.Pending);
            Participation(html, views);
            FactorsOverTime(html, views);
        }

        Charter(html, report.Charter?.Statements);
        Actions(html, report.OpenActions, report.OverdueActions);
        Incidents(html, report.Incidents);
        if (dashboard.ForLead)
        {
            Comments(html, report.Comments);
            Export(html);
        }

        return html.ToString();
    }

    /// <summary>What a person who belongs to no team with TrustBot sees.</summary>
    public static string NoTeams() =>
        "<header><h1>Trust dashboard</h1></header><p class=\"notice\">You are not on a team with TrustBot yet. Once TrustBot is installed in your team or group chat, its results show here.</p>";

    private static void Picker(StringBuilder html, IReadOnlyList<Team> teams, Team shown)
    {
        if (teams.Count < 2)
        {
            return;
        }

        html.Append("<nav class=\"teams\" aria-label=\"Your teams\"><ul>");
        foreach (var team in teams)
        {
            var current = team.Id == shown.Id ? " aria-current=\"page\"" : string.Empty;
            html.Append(Invariant, $"<li><button type=\"button\" data-team=\"{HtmlEncode(team.Id)}\"{current}>{HtmlEncode(team.Name ?? "Unnamed team")}</button></li>");
        }

        html.Append("</ul></nav>");
    }

    private static void TrustIndexOverTime(StringBuilder html, IReadOnlyList<SummaryView> views, PendingAnswers? pending)
    {
        var points = views.Select(view => new ChartPoint(Day(view), view.HasScores ? view.TrustIndex : null)).ToList();
        var description = views.Count == 1
            ? string.Create(Invariant, $"One pulse so far: {views[0].TrustIndex:0} out of 100.")
            : string.Create(Invariant, $"From {views[0].TrustIndex:0} to {views[^1].TrustIndex:0} out of 100 over {views.Count} pulses.");
        html.Append("<section aria-labelledby=\"index\"><h2 id=\"index\">Trust index over time</h2>")
            .Append(Invariant, $"<p class=\"headline\"><strong>{views[^1].TrustIndex:0}</strong> out of 100 in the latest pulse. {HtmlEncode(description)}</p>")
            .Append(SvgCharts.Line("chart-index", "Trust index over time, 0 to 100", description, points, 0, 100));
        if (pending is { } waiting)
        {
            html.Append(Invariant, $"<p class=\"notice\">The latest pulse is not shown: not enough answers yet ({waiting.Responded} of {waiting.Threshold}).</p>");
        }

        Table(html, "Trust index by pulse", ["Pulse closed", "Trust index (0–100)", "Answered"],
            views.Select(view => new[] { Day(view), view.HasScores ? view.TrustIndex.ToString("0", Invariant) : "–", view.Responded.ToString(Invariant) }));
        html.Append("</section>");
    }

    private static void Participation(StringBuilder html, IReadOnlyList<SummaryView> views)
    {
        var points = views.Select(view => new ChartPoint(Day(view), view.ParticipationRate * 100)).ToList();
        var latest = views[^1];
        var description = string.Create(Invariant, $"In the latest pulse {latest.Responded} of {latest.Invited} answered ({latest.ParticipationRate:0%}).");
        html.Append("<section aria-labelledby=\"participation\"><h2 id=\"participation\">Participation</h2>")
            .Append(SvgCharts.Bars("chart-participation", "Participation by pulse, percent of members invited", description, points, 100));
        Table(html, "Participation by pulse", ["Pulse closed", "Answered", "Invited", "Participation"],
            views.Select(view => new[] { Day(view), view.Responded.ToString(Invariant), view.Invited.ToString(Invariant), view.ParticipationRate.ToString("0%", Invariant) }));
        html.Append("</section>");
    }

    private static void FactorsOverTime(StringBuilder html, IReadOnlyList<SummaryView> views)
    {
        html.Append("<section aria-labelledby=\"factors\"><h2 id=\"factors\">Each factor over time</h2><p>Mean score from 1 (strongly disagree) to 5 (strongly agree). A gap means fewer people than the team's threshold scored that factor in that pulse, so it is not shown.</p><div class=\"multiples\">");
        foreach (var factor in TrustFactors.All)
        {
            var points = views.Select(view => new ChartPoint(Day(view), view.Factors.TryGetValue(factor.Id, out var stats) ? stats.Mean : null)).ToList();
            var shown = points.Where(point => point.Value is not null).ToList();
            var description = shown.Count == 0
                ? "Not shown yet: too few people scored it."
                : string.Create(Invariant, $"Latest {shown[^1].Value:0.0} ({shown[^1].Label}); shown in {shown.Count} of {points.Count} pulses.");
            html.Append(Invariant, $"<figure><figcaption>{HtmlEncode(factor.Name)}</figcaption>")
                .Append(SvgCharts.Line("chart-" + factor.Id, factor.Name + " over time, 1 to 5", description, points, 1, 5, width: 300, height: 150))
                .Append("</figure>");
        }

        html.Append("</div>");
        Table(html, "Factor means by pulse (– where too few scored it)", ["Pulse closed", .. TrustFactors.All.Select(factor => factor.Name)],
            views.Select(view => new[] { Day(view) }.Concat(TrustFactors.All.Select(factor => view.Factors.TryGetValue(factor.Id, out var stats) ? stats.Mean.ToString("0.0", Invariant) : "–")).ToArray()));
        html.Append("</section>");
    }

    private static void Charter(StringBuilder html, IReadOnlyList<string>? statements)
    {
        html.Append("<section aria-labelledby=\"charter\"><h2 id=\"charter\">Trust charter</h2>");
        if (statements is not { Count: > 0 })
        {
            html.Append("<p>No charter yet: type <kbd>define trust</kbd> in the team's chat to propose what trust means to you.</p></section>");
            return;
        }

        html.Append("<ol>");
        foreach (var statement in statements)
        {
            html.Append(Invariant, $"<li>{HtmlEncode(statement)}</li>");
        }

        html.Append("</ol></section>");
    }

    private static void Actions(StringBuilder html, int open, int overdue) =>
        html.Append(Invariant, $"<section aria-labelledby=\"actions\"><h2 id=\"actions\">Action items</h2><p><strong>{open}</strong> open, <strong{(overdue > 0 ? " class=\"overdue\"" : string.Empty)}>{overdue}</strong> overdue. Type <kbd>actions</kbd> in the chat to work on them.</p></section>");

    private static void Incidents(StringBuilder html, IReadOnlyList<IncidentRecovery> incidents)
    {
        html.Append("<section aria-labelledby=\"incidents\"><h2 id=\"incidents\">Active incidents</h2>");
        if (incidents.Count == 0)
        {
            html.Append("<p>None: no recovery plan is running.</p></section>");
            return;
        }

        html.Append("<ul class=\"incidents\">");
        foreach (var incident in incidents)
        {
            var steps = incident.StepCount == 0 ? 0 : 100 * incident.StepsDone / incident.StepCount;
            html.Append(Invariant, $"<li><strong>{HtmlEncode(incident.Incident.Title)}</strong>{(incident.IsForWholeTeam ? string.Empty : " <span class=\"badge\">leads only</span>")}")
                .Append(Invariant, $"<p>Day {incident.DaysSinceAccepted} of its recovery plan: {incident.StepsDone} of {incident.StepCount} steps done.</p>")
                .Append(Invariant, $"<progress max=\"{incident.StepCount}\" value=\"{incident.StepsDone}\" aria-label=\"Recovery plan steps done\">{steps}%</progress>")
                .Append("<p>").Append(HtmlEncode(Recovery(incident))).Append("</p></li>");
        }

        html.Append("</ul></section>");
    }

    private static string Recovery(IncidentRecovery incident) => incident.Standing switch
    {
        RecoveryStanding.Compared => string.Join("; ", incident.ComparedFactors.Select(factor =>
            string.Create(Invariant, $"{factor.Factor.Name}: {factor.Before:0.0} before, {factor.Now:0.0} now"))),
        RecoveryStanding.NothingSinceYet => "No pulse with enough answers since it happened yet.",
        _ => "No baseline: no pulse with enough answers before it happened.",
    };

    private static void Comments(StringBuilder html, IReadOnlyList<string> comments)
    {
        html.Append("<section aria-labelledby=\"comments\"><h2 id=\"comments\">Comments <span class=\"badge\">leads only</span></h2>");
        if (comments.Count == 0)
        {
            html.Append("<p>None to show: comments of the latest pulse appear only when enough people answered it for them to stay anonymous.</p></section>");
            return;
        }

        html.Append("<p>From the latest pulse, anonymous and in random order.</p><ul class=\"comments\">");
        foreach (var comment in comments)
        {
            html.Append(Invariant, $"<li>{HtmlEncode(comment)}</li>");
        }

        html.Append("</ul></section>");
    }

    private static void Export(StringBuilder html) =>
        html.Append("<section aria-labelledby=\"export\"><h2 id=\"export\">Export <span class=\"badge\">leads only</span></h2><p>The team's results per pulse (answers, trust index, each factor's mean and spread) as CSV: only pulses enough people answered, nothing per person.</p><button type=\"button\" data-export>Download CSV</button></section>");

    private static void Table(StringBuilder html, string caption, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        html.Append(Invariant, $"<details><summary>{HtmlEncode(caption)}: as a table</summary><table><caption>{HtmlEncode(caption)}</caption><thead><tr>");
        foreach (var header in headers)
        {
            html.Append(Invariant, $"<th scope=\"col\">{HtmlEncode(header)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>").Append(Invariant, $"<th scope=\"row\">{HtmlEncode(row[0])}</th>");
            foreach (var cell in row.Skip(1))
            {
                html.Append(Invariant, $"<td>{HtmlEncode(cell)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></details>");
    }

    private static string Day(SummaryView view) => view.To.ToString(FormFormats.Day, Invariant);
}
