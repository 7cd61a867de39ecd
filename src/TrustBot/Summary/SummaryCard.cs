using System.Globalization;
using TrustBot.Actions;
using TrustBot.Cards;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Summary;
using TrustBot.Domain.Teams;
using TrustBot.Recovery.Incidents;
using TrustBot.Teams;

namespace TrustBot.Summary;

/// <summary>
/// The trust summary: index and trend, participation, factors, what helps and hinders, what to do
/// next, and the active incidents with their plan and recovery. The lead's version adds the
/// anonymous comments, leads-only incidents and a button to post the team's version to the channel.
/// </summary>
public static class SummaryCard
{
    /// <summary>The verb of the "Post to the channel" button.</summary>
    public const string PostVerb = "summary.post";

    /// <summary>The most active incidents described: a team rarely has more, and each takes a few lines.</summary>
    public const int MaxIncidentsShown = 5;

    /// <summary>Builds the card.</summary>
    /// <param name="teamId">The team, carried by the post button.</param>
    /// <param name="teamName">The team's name, when known.</param>
    /// <param name="report">The summary and the comments of its latest view.</param>
    /// <param name="forLead">The lead's version (comments, leads-only incidents, post button) or the team's.</param>
    /// <param name="note">A line under the heading, such as "Posted to the channel".</param>
    public static AdaptiveCard Build(string teamId, string? teamName, SummaryReport report, bool forLead, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = report.Summary;
        IReadOnlyList<IncidentRecovery> incidents = forLead ? report.Incidents : [.. report.Incidents.Where(incident => incident.IsForWholeTeam)];
        List<CardElement> body = [CardBlocks.Heading(teamName is null ? "Trust summary" : $"Trust summary: {teamName}")];
        if (note is not null)
        {
            body.Add(new TextBlock(note) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        if (summary.Latest is not { } latest)
        {
            body.Add(new TextBlock(NothingToShowYet(summary.Pending)));
            body.AddRange(IncidentSection(incidents));
            body.AddRange(TeamChangesSection(report.TeamChanges));
            body.Add(TeamWork(report, incidents.Count));
            return new AdaptiveCard { Body = body };
        }

        body.Add(new ColumnSet(
        [
            new Column([
                new TextBlock(Round(latest.TrustIndex)) { Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Spacing = Spacing.None },
                new TextBlock("trust index, out of 100") { IsSubtle = true, Spacing = Spacing.None },
            ]) { Width = "auto" },
            new Column([
                new TextBlock(Sparkline.Of(summary.Trend)) { Size = TextSize.Large, Color = TextColor.Accent, Spacing = Spacing.None },
                new TextBlock(ChangeText(summary.TrustIndexChange, "since the last pulse")) { IsSubtle = true, Spacing = Spacing.None },
            ]) { Width = "stretch", VerticalContentAlignment = VerticalAlignment.Center },
        ]));
        body.Add(new TextBlock(Participation(latest)) { IsSubtle = true });
        if (summary.Pending is { } pending)
        {
            body.Add(new TextBlock($"The newest pulse is not shown yet: not enough answers yet ({pending.Responded} of {pending.Threshold}).") { IsSubtle = true });
        }

        body.Add(new TextBlock("Factors (1 to 5)") { Weight = TextWeight.Bolder, Separator = true });
        body.Add(new FactSet([.. summary.Factors.Select(FactorLine)]));
        body.AddRange(StructureSection(summary, hasCharter: report.CharterFirstStatement is not null));
        AddInsights(body, "Biggest hindrances", summary.Hindrances);
        if (summary.Hindrances.Count > 0)
        {
            body.Add(new ActionSet([.. summary.Hindrances.Select(insight => MakeItAnAction($"Act on {insight.Factor.Name}", teamId, insight.Factor))]));
        }

        AddInsights(body, "Strongest contributors", summary.Contributors);
        if (summary.Weakest is { } weakest)
        {
            body.Add(new TextBlock("What to do next") { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new TextBlock($"{weakest.Name}: {SuggestedActions.For(weakest)}"));
            body.Add(new ActionSet([MakeItAnAction("Make it an action", teamId, weakest)]));
        }

        if (summary.ActionEffects.Count > 0)
        {
            body.Add(new TextBlock("Did it help?") { Weight = TextWeight.Bolder, Separator = true });
            body.AddRange(summary.ActionEffects.Select(effect => new TextBlock(
                $"• {effect.Factor.Name}: {effect.Before.ToString("0.0", CultureInfo.InvariantCulture)} before its " +
                $"{effect.Completed} action{(effect.Completed == 1 ? string.Empty : "s")}, " +
                $"{effect.After.ToString("0.0", CultureInfo.InvariantCulture)} since they were done") { Spacing = Spacing.Small }));
        }

        body.AddRange(IncidentSection(incidents));
        body.AddRange(TeamChangesSection(report.TeamChanges));
        body.Add(TeamWork(report, incidents.Count));
        if (forLead && report.Comments.Count > 0)
        {
            body.Add(new TextBlock("What people wrote (anonymous, in random order)") { Weight = TextWeight.Bolder, Separator = true });
            body.AddRange(report.Comments.Select(comment => new TextBlock("“" + comment + "”") { IsSubtle = true }));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = forLead ? [new ExecuteAction("Post to the team's channel", PostVerb) { Data = new { teamId } }] : null,
        };
    }

    // One tap to the add-action card, filled in with the factor and its suggested step (both editable there).
    private static ExecuteAction MakeItAnAction(string title, string teamId, TrustFactor factor) =>
        new(title, AddActionCard.NewForFactorVerb) { Data = ActionCardData.ForFactor(teamId, factor.Id) };

    /// <summary>What the card says before any view can be shown.</summary>
    public static string NothingToShowYet(PendingAnswers? pending) => pending is null
        ? "No pulse has closed yet. Type start pulse to send one; the summary fills in once it closes."
        : $"Not enough answers yet ({pending.Responded} of {pending.Threshold}). Numbers appear only once at least " +
          $"{pending.Threshold} people have answered one pulse, so nobody's answer can be singled out.";

    private static string Participation(SummaryView view) =>
        $"{view.Responded} of {view.Invited} answered ({CardText.Percent(view.ParticipationRate)}).";

    private static Fact FactorLine(FactorTrend trend) => new(
        trend.Factor.Name,
        trend.Mean is { } mean
            ? mean.ToString("0.0", CultureInfo.InvariantCulture) + " " + Arrow(trend.Change) + "  " + Sparkline.Of(trend.Distribution) +
              (trend.ViewsBack > 0 ? $" (from {trend.ViewsBack} pulse{(trend.ViewsBack == 1 ? string.Empty : "s")} ago)" : string.Empty)
            : "no score yet");

    // The structural factors and the charter item: measured like the factors (same k), shown
    // apart because they are conditions the team works in, not behaviours between teammates.
    private static IEnumerable<CardElement> StructureSection(TeamSummary summary, bool hasCharter)
    {
        IReadOnlyList<FactorTrend> rows = [.. summary.Structural, .. summary.CharterInUse is { } charter && (hasCharter || charter.IsShown) ? [charter] : Array.Empty<FactorTrend>()];
        if (rows.Count == 0)
        {
            yield break;
        }

        yield return new TextBlock("How we work (1 to 5)") { Weight = TextWeight.Bolder, Separator = true };
        yield return new FactSet([.. rows.Select(FactorLine)]);
    }

    // Only when something changed: a lead change or a large share of the roster changing is a trust risk.
    private static IEnumerable<CardElement> TeamChangesSection(TeamChangeAssessment? changes)
    {
        if (changes is not { HasChanges: true })
        {
            yield break;
        }

        yield return new TextBlock("Team changes") { Weight = TextWeight.Bolder, Separator = true };
        yield return new TextBlock(TeamCheckInCard.Describe(changes)) { Spacing = Spacing.Small };
        if (changes.IsRisk)
        {
            yield return new TextBlock("Changes like these can cost trust: a check-in pulse gives new people a voice and the team a new baseline (type start pulse).")
            {
                Color = TextColor.Attention,
                Spacing = Spacing.Small,
            };
        }
    }

    private static void AddInsights(List<CardElement> body, string title, IReadOnlyList<FactorInsight> insights)
    {
        if (insights.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock(title) { Weight = TextWeight.Bolder, Separator = true });

        // The evidence line starts with the factor's name already.
        body.AddRange(insights.Select(insight => new TextBlock("• " + insight.Evidence) { Spacing = Spacing.Small }));
    }

    private static IEnumerable<CardElement> IncidentSection(IReadOnlyList<IncidentRecovery> incidents)
    {
        if (incidents.Count == 0)
        {
            yield break;
        }

        yield return new TextBlock("Active incidents") { Weight = TextWeight.Bolder, Separator = true };
        foreach (var incident in incidents.Take(MaxIncidentsShown))
        {
            yield return new TextBlock(incident.Incident.Title) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };
            yield return new TextBlock(Standing(incident)) { IsSubtle = true, Spacing = Spacing.None };
            yield return new TextBlock(PlanProgress(incident)) { Spacing = Spacing.None };
            foreach (var line in RecoveryLines(incident))
            {
                yield return new TextBlock(line) { Spacing = Spacing.None };
            }
        }

        if (incidents.Count > MaxIncidentsShown)
        {
            yield return new TextBlock($"And {incidents.Count - MaxIncidentsShown} more: type incidents to see them all.") { IsSubtle = true };
        }
    }

    private static string Standing(IncidentRecovery incident)
    {
        var days = incident.DaysSinceAccepted switch
        {
            0 => "accepted today",
            1 => "accepted 1 day ago",
            var n => $"accepted {n} days ago",
        };
        var leadsOnly = incident.IsForWholeTeam ? string.Empty : " · leads only, not in the channel's summary";
        return $"{incident.Incident.Severity} · {days}{leadsOnly}";
    }

    private static string PlanProgress(IncidentRecovery incident)
    {
        var done = $"Recovery plan: {incident.StepsDone} of {incident.StepCount} steps done";
        return incident.NextStep is { } next
            ? $"{done}; next: {IncidentView.StepName(next)}, {CardText.LocalDateTime(incident.NextStepAt!.Value)}"
            : $"{done}; a lead closes the plan once trust is back (type incidents)";
    }

    // Only factors both views scored with enough answers have numbers; otherwise say what is missing.
    private static IEnumerable<string> RecoveryLines(IncidentRecovery incident)
    {
        var factors = string.Join(", ", incident.Recovery.Factors.Select(factor => factor.Factor.Name));
        switch (incident.Standing)
        {
            case RecoveryStanding.NoBaseline:
                yield return $"Recovery: no baseline to compare with (no pulse before the incident had enough answers on {factors}).";
                break;
            case RecoveryStanding.NothingSinceYet:
                yield return $"Recovery: no pulse since the incident has enough answers on {factors} yet.";
                break;
            default:
                yield return "Recovery against the pre-incident baseline (1 to 5):";
                foreach (var factor in incident.ComparedFactors)
                {
                    yield return $"• {factor.Factor.Name}: {Mean(factor.Before!.Value)} before, {Mean(factor.Now!.Value)} now" +
                        (factor.IsBelowBaseline ? ", still below" : ", back at or above it");
                }

                break;
        }
    }

    private static string Mean(double mean) => FactorComparison.Shown(mean).ToString("0.0", CultureInfo.InvariantCulture);

    private static FactSet TeamWork(SummaryReport report, int activeIncidents) => new(
    [
        new Fact("Action items", report.OpenActions == 0
            ? "none open: type add action to add one"
            : $"{report.OpenActions} open" + (report.OverdueActions > 0 ? $", {report.OverdueActions} overdue" : string.Empty) + ": type actions to see them"),
        new Fact("Incidents", activeIncidents == 0
            ? "none active: anyone can type incident to declare one"
            : $"{activeIncidents} active, shown above"),
        new Fact("Trust charter", report.CharterFirstStatement is { } first
            ? "“" + first + "” (type charter for all of it)"
            : "none yet: type define trust to propose what trust means here"),
    ])
    {
        Separator = true,
    };

    private static string Round(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);

    private static string ChangeText(double? change, string since) => change switch
    {
        null => "first pulse shown",
        0 => "no change " + since,
        > 0 => $"up {Round(change.Value)} {since}",
        _ => $"down {Round(-change.Value)} {since}",
    };

    private static string Arrow(double? change) => change switch
    {
        null => string.Empty,
        > 0.05 => "▲ " + change.Value.ToString("0.0", CultureInfo.InvariantCulture),
        < -0.05 => "▼ " + (-change.Value).ToString("0.0", CultureInfo.InvariantCulture),
        _ => "▶ 0.0",
    };
}
