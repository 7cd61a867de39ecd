using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;

namespace TrustBot.Domain.Recovery;

/// <summary>
/// Trust after an incident against its pre-incident baseline, for the leads' review: the trust
/// index and each factor the incident hit, before and now.
/// </summary>
/// <param name="Outcome">Whether trust is back, still below, or cannot be compared yet.</param>
/// <param name="TrustIndex">The trust index before and now, or null when no two views can be compared.</param>
/// <param name="Factors">Each factor the incident hit (in its order), with its scores where they can be compared.</param>
public sealed record RecoveryComparison(RecoveryOutcome Outcome, IndexComparison? TrustIndex, IReadOnlyList<FactorComparison> Factors)
{
    /// <summary>
    /// Compares the views before the incident with the views since, never pooling runs: each
    /// number is one <see cref="SummaryViews"/> would show (one run, at least its own k).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The baseline is the last view whose run opened before the incident occurred; "now" is the
    /// latest view whose run opened after it (the recovery pulse, once it has closed). A run too
    /// few people answered is no view, so the one before it stands in.
    /// </para>
    /// <para>
    /// Runs ask different items, so like is compared with like: the trust index of both views is
    /// worked out over what both showed (the factors both scored, and the overall item when both
    /// scored it); each factor is compared between the last view before and the latest since that
    /// scored it, the way the summary finds a factor's change.
    /// </para>
    /// <para>
    /// Trust is back when nothing compared is below its baseline as the card shows it (a factor's
    /// mean to one decimal, the index in whole points): a card must not read "still below" beside
    /// two equal numbers.
    /// </para>
    /// </remarks>
    /// <param name="rollupsOldestFirst">The team's closed runs, oldest first.</param>
    /// <param name="occurredAt">When the incident happened.</param>
    /// <param name="factorIds">The factors it hit.</param>
    public static RecoveryComparison Of(IReadOnlyList<PulseRollup> rollupsOldestFirst, DateTimeOffset occurredAt, IReadOnlyList<string> factorIds)
    {
        ArgumentNullException.ThrowIfNull(rollupsOldestFirst);
        ArgumentNullException.ThrowIfNull(factorIds);
        var views = SummaryViews.From(rollupsOldestFirst).Views;
        var before = views.Where(view => view.From < occurredAt && view.HasScores).ToList();
        var since = views.Where(view => view.From >= occurredAt && view.HasScores).ToList();

        var index = before.Count > 0 && since.Count > 0 ? IndexComparison.Between(before[^1], since[^1]) : null;
        var factors = factorIds
            .Distinct(StringComparer.Ordinal)
            .Select(TrustFactors.Find)
            .OfType<TrustFactor>()
            .Select(factor => new FactorComparison(factor, LastScore(before, factor), LastScore(since, factor)))
            .ToList();

        var compared = factors.Where(factor => factor.IsComparable).ToList();
        var outcome = index is null && compared.Count == 0 ? RecoveryOutcome.NoComparableData
            : index?.IsBelowBaseline == true || compared.Any(factor => factor.IsBelowBaseline) ? RecoveryOutcome.StillBelow
            : RecoveryOutcome.Recovered;
        return new RecoveryComparison(outcome, index, factors);
    }

    private static double? LastScore(IReadOnlyList<SummaryView> oldestFirst, TrustFactor factor) =>
        oldestFirst.LastOrDefault(view => view.Factors.ContainsKey(factor.Id))?.Factors[factor.Id].Mean;
}

/// <summary>Where trust stands against its pre-incident baseline.</summary>
public enum RecoveryOutcome
{
    /// <summary>Everything compared is back at or above the baseline: the plan can close.</summary>
    Recovered,

    /// <summary>Something compared is still below the baseline: keep going.</summary>
    StillBelow,

    /// <summary>No view before and since share a score (too few answers, or no run since): nothing to judge yet.</summary>
    NoComparableData,
}

/// <summary>The trust index before the incident and now, over what both views scored.</summary>
/// <param name="Before">The baseline, 0–100.</param>
/// <param name="Now">The latest, 0–100.</param>
public sealed record IndexComparison(double Before, double Now)
{
    /// <summary>How many decimals of the index a card shows.</summary>
    public const int ShownDecimals = 0;

    /// <summary>Now minus before, in index points.</summary>
    public double Change => Now - Before;

    /// <summary>Whether it is below the baseline as a card shows the two.</summary>
    public bool IsBelowBaseline => Shown(Now) < Shown(Before);

    /// <summary>The value as a card shows it.</summary>
    public static double Shown(double index) => Math.Round(index, ShownDecimals, MidpointRounding.AwayFromZero);

    /// <summary>The index of each view over what both showed, or null when they share no score.</summary>
    internal static IndexComparison? Between(SummaryView before, SummaryView now)
    {
        var shared = before.Factors.Keys.Where(now.Factors.ContainsKey).ToList();
        var withOverall = before.Overall.Count > 0 && now.Overall.Count > 0;
        return IndexOf(before, shared, withOverall) is { } then && IndexOf(now, shared, withOverall) is { } latest
            ? new IndexComparison(then, latest)
            : null;
    }

    private static double? IndexOf(SummaryView view, IReadOnlyList<string> factorIds, bool withOverall) =>
        Summary.TrustIndex.Of(
            factorIds.ToDictionary(id => id, id => view.Factors[id], StringComparer.Ordinal),
            withOverall ? view.Overall : ScoreStats.None);
}

/// <summary>One factor the incident hit: its mean (1–5) in the last view before that scored it, and in the latest since.</summary>
/// <param name="Factor">The factor.</param>
/// <param name="Before">Its baseline, or null when no view before the incident scored it.</param>
/// <param name="Now">Its latest score, or null when no view since scored it.</param>
public sealed record FactorComparison(TrustFactor Factor, double? Before, double? Now)
{
    /// <summary>How many decimals of a factor's mean a card shows.</summary>
    public const int ShownDecimals = 1;

    /// <summary>Whether both scores are there.</summary>
    public bool IsComparable => Before is not null && Now is not null;

    /// <summary>Now minus before, or null when not comparable.</summary>
    public double? Change => Now - Before;

    /// <summary>Whether it is below the baseline as a card shows the two.</summary>
    public bool IsBelowBaseline => Before is { } before && Now is { } now && Shown(now) < Shown(before);

    /// <summary>The mean as a card shows it.</summary>
    public static double Shown(double mean) => Math.Round(mean, ShownDecimals, MidpointRounding.AwayFromZero);
}
