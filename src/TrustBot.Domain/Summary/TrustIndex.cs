using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Summary;

/// <summary>The one number a lead reads first: how much the team trusts itself, from 0 to 100.</summary>
public static class TrustIndex
{
    private const double Scale = 100.0;

    /// <summary>
    /// The trust index: the mean of every scored response to the factor items and the overall item
    /// (reverse-scored items already flipped, so 5 is always the trusting end), each response
    /// weighing the same, rescaled from the 1–5 scale to 0–100 as (mean − 1) ÷ 4 × 100. So 0 means
    /// everyone strongly disagreed with every trusting statement, 50 is "neither agree nor
    /// disagree" on average, 75 is "agree" and 100 is "strongly agree" throughout.
    /// </summary>
    /// <remarks>
    /// Each stats' weight is its number of scored responses (the sum of its distribution), so
    /// passing factor stats gives the same index as passing the items they pool.
    /// </remarks>
    /// <param name="items">Item (or factor) id → scored stats; the overall item is not among them.</param>
    /// <param name="overall">The overall item's scored stats.</param>
    /// <returns>The index from 0 to 100, or null when there is no scored response at all.</returns>
    public static double? Of(IReadOnlyDictionary<string, ScoreStats> items, ScoreStats overall)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(overall);
        var all = ScoreStats.Merge(items.Values.Append(overall));
        return all.Distribution.Sum() == 0
            ? null
            : (all.Mean - LikertScale.Min) / (LikertScale.Max - LikertScale.Min) * Scale;
    }
}
