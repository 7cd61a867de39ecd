using System.Globalization;
using TrustBot.Cards;
using TrustBot.Domain.Recovery;
using TrustBot.Recovery.Incidents;

namespace TrustBot.Recovery.Nudges;

/// <summary>
/// The leads' review at the end of a recovery plan (T+14 days): trust since the incident against
/// its pre-incident baseline, only from pulses that met their anonymity threshold, with a
/// suggestion to close the plan or keep going.
/// </summary>
public static class BaselineReviewCard
{
    /// <summary>Builds the card.</summary>
    /// <param name="incident">The accepted incident.</param>
    /// <param name="comparison">Trust now against the baseline.</param>
    /// <param name="reviewAt">When this review was due: two weeks into the plan, or later for a plan a lead kept going.</param>
    public static AdaptiveCard Build(Incident incident, RecoveryComparison comparison, DateTimeOffset reviewAt)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(comparison);
        var recovered = comparison.Outcome == RecoveryOutcome.Recovered;
        var data = IncidentCardData.ForIncident(incident.TeamId, incident.Id);
        return new AdaptiveCard
        {
            Body =
            [
                CardBlocks.Heading($"{WeeksOn(incident, reviewAt)}: {incident.Title}"),
                new TextBlock("Trust since the incident, against the last pulse before it. Each number comes from one pulse that enough people " +
                              "answered to keep it anonymous; where too few did, nothing is shown. The trust index counts only what both pulses asked.")
                {
                    IsSubtle = true,
                },
                new FactSet(
                [
                    new Fact("Trust index", comparison.TrustIndex is { } index ? Index(index) : "not enough answers to compare yet"),
                    .. comparison.Factors.Select(factor => new Fact(factor.Factor.Name, Factor(factor))),
                ]),
                Suggestion(comparison.Outcome),
            ],
            Actions =
            [
                new ExecuteAction("Close the plan", IncidentLeadCard.CloseVerb) { Data = data, Style = recovered ? ActionStyle.Positive : null },
                new ExecuteAction("Keep going", IncidentLeadCard.KeepGoingVerb) { Data = data, Style = recovered ? null : ActionStyle.Positive },
            ],
        };
    }

    private static string WeeksOn(Incident incident, DateTimeOffset reviewAt) =>
        (int)Math.Round((reviewAt - (incident.AcceptedAt ?? reviewAt)).TotalDays / 7) switch
        {
            < 2 => "A week on",
            2 => "Two weeks on",
            3 => "Three weeks on",
            4 => "Four weeks on",
            var weeks => $"{weeks} weeks on",
        };

    private static Container Suggestion(RecoveryOutcome outcome)
    {
        var (style, title, text) = outcome switch
        {
            RecoveryOutcome.Recovered => (ContainerStyle.Good, "Trust is back where it was",
                "Suggestion: close the plan. Thank the team for the work it took, and keep an eye on the next pulses."),
            RecoveryOutcome.StillBelow => (ContainerStyle.Warning, "Trust is not back yet",
                "Suggestion: keep going. Follow up on the open actions, and talk with the team about what still weighs on it."),
            _ => (ContainerStyle.Emphasis, "Not enough answers to compare yet",
                "Suggestion: keep going, and look again once the next pulse has closed. Close the plan if the team has clearly moved on."),
        };
        return new Container([new TextBlock(title) { Weight = TextWeight.Bolder }, new TextBlock(text)]) { Style = style };
    }

    private static string Index(IndexComparison index) =>
        $"{Shown(IndexComparison.Shown(index.Before), "0")} before → {Shown(IndexComparison.Shown(index.Now), "0")} now";

    private static string Factor(FactorComparison factor) => factor switch
    {
        { Before: { } before, Now: { } now } => $"{Shown(FactorComparison.Shown(before), "0.0")} before → {Shown(FactorComparison.Shown(now), "0.0")} now (of 5)",
        { Before: null } => "no pulse before the incident scored it",
        _ => "no pulse since the incident has enough answers on it yet",
    };

    private static string Shown(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
