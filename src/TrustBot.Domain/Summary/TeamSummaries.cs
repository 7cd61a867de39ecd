using TrustBot.Domain.Actions;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Summary;

/// <summary>Builds the lead's <see cref="TeamSummary"/> from roll-ups and observations, never from individual answers.</summary>
public static class TeamSummaries
{
    /// <summary>The trend length the summary card shows by default: two months of weekly runs.</summary>
    public const int DefaultTrendLength = 8;

    /// <summary>The team's summary.</summary>
    /// <param name="newestFirst">The team's recent closed runs, newest first (as storage lists them); each run that met its k is a view.</param>
    /// <param name="observations">The team's observations; those of the 90 days up to the latest view count.</param>
    /// <param name="trendLength">How many of the latest views the trust-index trend shows.</param>
    /// <param name="actions">The team's action items, for "did it help?"; none when left out.</param>
    public static TeamSummary Build(
        IReadOnlyList<PulseRollup> newestFirst, IReadOnlyList<Observation> observations, int trendLength = DefaultTrendLength, IReadOnlyList<ActionItem>? actions = null)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentOutOfRangeException.ThrowIfNegative(trendLength);

        var (views, pending) = SummaryViews.From([.. newestFirst.Reverse()]);
        var latest = views.Count > 0 ? views[^1] : null;
        var factors = TrustFactors.All.Select(f => FactorTrends.Of(f, views)).ToList();
        var insights = FactorInsights.Weigh(factors, latest, observations);

        return new TeamSummary(
            latest,
            views.Count > 1 ? views[^2] : null,
            [.. views.TakeLast(trendLength).Select(v => v.TrustIndex)],
            pending,
            factors,
            insights.Hindrances,
            insights.Contributors,
            insights.Weakest)
        {
            ActionEffects = ActionEffects.Of(actions ?? [], views),
            Structural = [.. StructuralFactors.All.Select(f => FactorTrends.Of(f, views, view => view.Measures))],
            CharterInUse = FactorTrends.Of(CharterMeasure.InUse, views, view => view.Measures),
        };
    }
}
