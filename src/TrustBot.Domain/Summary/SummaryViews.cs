using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Summary;

/// <summary>
/// Splits a team's closed runs into the views a lead may see, so that no number ever comes from
/// fewer than k respondents, not even by subtracting one view from another.
/// </summary>
public static class SummaryViews
{
    /// <summary>
    /// The views of a team's closed runs: each run that met its own threshold (frozen when it
    /// opened) is a view; the runs since the last view that fell short are
    /// <see cref="SummaryViewSet.Pending"/>, never shown.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Why runs are not pooled: pooled counts add up answers, not people. Two people answering two
    /// runs each make four answers, and a lead who is one of them could subtract their own and read
    /// the other's. Without a way to count people across runs (which anonymity rules out), the only
    /// safe view is one run that at least k different people answered. Views never share a run, so
    /// no difference of two views can isolate a group below k either.
    /// </para>
    /// <para>
    /// Views depend only on the closed roll-ups: answers changed while a run was open are already
    /// final in its roll-up, so any window of the history yields the same views for the runs in it.
    /// </para>
    /// </remarks>
    /// <param name="oldestFirst">The team's closed runs, oldest first.</param>
    public static SummaryViewSet From(IReadOnlyList<PulseRollup> oldestFirst)
    {
        ArgumentNullException.ThrowIfNull(oldestFirst);
        var views = new List<SummaryView>();
        var shortSinceLastView = new List<PulseRollup>();
        foreach (var run in oldestFirst)
        {
            if (run.MeetsThreshold)
            {
                shortSinceLastView.Clear();
                views.Add(ViewOf(run));
            }
            else
            {
                shortSinceLastView.Add(run);
            }
        }

        var pending = shortSinceLastView.Count == 0
            ? null
            : new PendingAnswers(shortSinceLastView[^1].Responded, shortSinceLastView[^1].AnonymityThreshold, shortSinceLastView.Count);
        return new SummaryViewSet(views, pending);
    }

    /// <summary>
    /// The view of one run that met its threshold; what fewer than k scored is left out. Structural
    /// factors and the charter measure go to <see cref="SummaryView.Measures"/>, not into the index.
    /// </summary>
    private static SummaryView ViewOf(PulseRollup run)
    {
        var threshold = run.AnonymityThreshold;
        var shownOverall = run.Overall.Count >= threshold ? run.Overall : ScoreStats.None;
        var shown = run.Factors.Where(f => f.Value.Count >= threshold).ToList();
        var shownFactors = shown.Where(f => TrustFactors.Find(f.Key) is not null).ToDictionary(StringComparer.Ordinal);
        return new SummaryView(
            [run.RunId],
            run.OpensAt,
            run.ClosedAt,
            run.Invited,
            run.Responded,
            threshold,
            TrustIndex.Of(shownFactors, shownOverall) ?? 0,
            shownOverall,
            shownFactors,
            run.HelpedPicks,
            run.HurtPicks)
        {
            Measures = shown.Where(f => TrustFactors.Find(f.Key) is null && TrustFactors.FindMeasured(f.Key) is not null).ToDictionary(StringComparer.Ordinal),
        };
    }
}
