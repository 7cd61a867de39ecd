using TrustBot.Domain.Actions;
using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Summary;

/// <summary>
/// "Did it help?": for a factor whose action items are all done, its score in the last view before
/// the first of them was added against the first view after the last was completed.
/// </summary>
/// <param name="Factor">The factor the actions addressed.</param>
/// <param name="Completed">How many actions on it were completed.</param>
/// <param name="Before">Its score before the team acted.</param>
/// <param name="After">Its score since the last action was done.</param>
public sealed record ActionEffect(TrustFactor Factor, int Completed, double Before, double After)
{
    /// <summary>After minus before, on the 1–5 scale.</summary>
    public double Change => After - Before;
}

/// <summary>Works out <see cref="ActionEffect"/>s from action items and the views a lead may see.</summary>
public static class ActionEffects
{
    /// <summary>
    /// One effect per factor with completed actions and none open, when a view before and a view
    /// after both showed the factor (so every number is above the anonymity threshold).
    /// </summary>
    /// <param name="actions">The team's action items, open and completed.</param>
    /// <param name="viewsOldestFirst">The views, oldest first.</param>
    public static IReadOnlyList<ActionEffect> Of(IReadOnlyList<ActionItem> actions, IReadOnlyList<SummaryView> viewsOldestFirst)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(viewsOldestFirst);
        var effects = new List<ActionEffect>();
        foreach (var group in actions.GroupBy(a => a.FactorId, StringComparer.Ordinal))
        {
            if (TrustFactors.Find(group.Key) is not { } factor || group.Any(a => !a.IsCompleted))
            {
                continue;
            }

            var firstAdded = group.Min(a => a.CreatedAt);
            var lastDone = group.Max(a => a.CompletedAt!.Value);
            var before = viewsOldestFirst.LastOrDefault(v => v.To <= firstAdded && v.Factors.ContainsKey(factor.Id));
            var after = viewsOldestFirst.FirstOrDefault(v => v.From >= lastDone && v.Factors.ContainsKey(factor.Id));
            if (before is not null && after is not null)
            {
                effects.Add(new ActionEffect(factor, group.Count(), before.Factors[factor.Id].Mean, after.Factors[factor.Id].Mean));
            }
        }

        return effects;
    }
}
