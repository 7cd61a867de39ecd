using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Summary;

/// <summary>Finds each factor's latest shown score and its change across views.</summary>
internal static class FactorTrends
{
    /// <summary>The factor's row: its latest shown score and the change since the view before that showed it.</summary>
    /// <param name="factor">The factor.</param>
    /// <param name="oldestFirst">The team's views, oldest first.</param>
    /// <param name="scoresOf">Where a view keeps the factor's scores: <see cref="SummaryView.Factors"/> when null, or <see cref="SummaryView.Measures"/> for a structural factor or the charter measure.</param>
    public static FactorTrend Of(TrustFactor factor, IReadOnlyList<SummaryView> oldestFirst, Func<SummaryView, IReadOnlyDictionary<string, ScoreStats>>? scoresOf = null)
    {
        ArgumentNullException.ThrowIfNull(factor);
        ArgumentNullException.ThrowIfNull(oldestFirst);
        scoresOf ??= view => view.Factors;

        // Rotation asks a factor only in some runs, so its latest and previous scores can be any views back.
        var shownAt = Enumerable.Range(0, oldestFirst.Count)
            .Where(i => scoresOf(oldestFirst[i]).ContainsKey(factor.Id))
            .TakeLast(2)
            .ToList();
        if (shownAt.Count == 0)
        {
            return new FactorTrend(factor, null, null, 0, 0, ScoreStats.None.Distribution);
        }

        var last = scoresOf(oldestFirst[shownAt[^1]])[factor.Id];
        var before = shownAt.Count == 2 ? scoresOf(oldestFirst[shownAt[0]])[factor.Id] : null;
        return new FactorTrend(factor, last.Mean, last.Mean - before?.Mean, last.Count, oldestFirst.Count - 1 - shownAt[^1], last.Distribution)
        {
            ChangeOverRuns = before is null ? 0 : oldestFirst.Skip(shownAt[0] + 1).Take(shownAt[^1] - shownAt[0]).Sum(v => v.RunIds.Count),
        };
    }
}
