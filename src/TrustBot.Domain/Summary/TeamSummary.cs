using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Summary;

/// <summary>Everything the lead's trust summary shows, worked out from the team's closed runs and the leads' observations.</summary>
/// <param name="Latest">The newest view, or null when no run has reached the threshold yet.</param>
/// <param name="Previous">The view before it, or null.</param>
/// <param name="Trend">The trust index of up to the latest views (as many as the trend length), oldest first.</param>
/// <param name="Pending">Newer runs not shown yet for too few answers ("not enough answers yet (n of k)"), or null.</param>
/// <param name="Factors">Every trust factor, in <see cref="TrustFactors.All"/> order.</param>
/// <param name="Hindrances">Up to three factors holding trust back, worst first.</param>
/// <param name="Contributors">Up to three factors building trust, best first; never one of the hindrances.</param>
/// <param name="Weakest">The factor with the weakest evidence, for the suggested next step; null when there is no evidence at all.</param>
public sealed record TeamSummary(
    SummaryView? Latest,
    SummaryView? Previous,
    IReadOnlyList<double> Trend,
    PendingAnswers? Pending,
    IReadOnlyList<FactorTrend> Factors,
    IReadOnlyList<FactorInsight> Hindrances,
    IReadOnlyList<FactorInsight> Contributors,
    TrustFactor? Weakest)
{
    /// <summary>Factors whose action items are all done, with their score before and after.</summary>
    public IReadOnlyList<ActionEffect> ActionEffects { get; init; } = [];

    /// <summary>
    /// The structural factors' rows (leadership style, fair assessment), in
    /// <see cref="StructuralFactors.All"/> order, under the same k rules as <see cref="Factors"/>;
    /// none when the summary was built without them.
    /// </summary>
    public IReadOnlyList<FactorTrend> Structural { get; init; } = [];

    /// <summary>The row of the charter item ("we act by our trust charter"), or null when the summary was built without it; not shown until a view scored it.</summary>
    public FactorTrend? CharterInUse { get; init; }

    /// <summary>The trust index of the latest view minus that of the previous one, or null without both.</summary>
    public double? TrustIndexChange => Latest is null || Previous is null ? null : Latest.TrustIndex - Previous.TrustIndex;
}

/// <summary>
/// One factor's row of the factor table: its score in the latest view that showed it (a factor is
/// left out of views where fewer than k scored it) and how that moved.
/// </summary>
/// <param name="Factor">The factor.</param>
/// <param name="Mean">Its mean scored value in the latest view that showed it; null when no view ever did.</param>
/// <param name="Change">That mean minus its mean in the view before that showed it; null when there is none.</param>
/// <param name="Count">Respondents behind <paramref name="Mean"/>; 0 when never shown.</param>
/// <param name="ViewsBack">How many views before the latest one it was last shown in: 0 when shown in the latest (and when never shown; see <see cref="IsShown"/>).</param>
/// <param name="Distribution">How many scored values were 1 … 5 behind <paramref name="Mean"/>; all 0 when never shown.</param>
public sealed record FactorTrend(
    TrustFactor Factor,
    double? Mean,
    double? Change,
    int Count,
    int ViewsBack,
    IReadOnlyList<int> Distribution)
{
    /// <summary>Whether any view ever showed a score for it.</summary>
    public bool IsShown => Mean is not null;

    /// <summary>How many shown pulses <see cref="Change"/> spans: the views after the earlier one up to and including the later one; 0 without a change.</summary>
    public int ChangeOverRuns { get; init; }
}

/// <summary>A factor that stands out as building or eroding trust, with the evidence a lead can check.</summary>
/// <param name="Factor">The factor.</param>
/// <param name="Evidence">What the conclusion rests on, in one plain line, e.g. "Openness 2.9, down 0.4 over 3 runs; 5 'hurt' picks; 2 observations say it hurts".</param>
/// <param name="Weight">How strongly the evidence points: below 0 erodes trust, above 0 builds it (see <see cref="FactorInsights"/>).</param>
public sealed record FactorInsight(TrustFactor Factor, string Evidence, double Weight);
