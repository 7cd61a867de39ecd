using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Summary;

/// <summary>
/// One view a lead may see: the results of one closed run that at least k people answered.
/// Every number in it comes from at least
/// <see cref="AnonymityThreshold"/> respondents; anything from fewer is left out, never shown.
/// Build views only with <see cref="SummaryViews.From"/>, which keeps them from overlapping.
/// </summary>
/// <param name="RunIds">The run it covers (a list, so a view can name what it rests on).</param>
/// <param name="From">When its first run opened.</param>
/// <param name="To">When its last run closed.</param>
/// <param name="Invited">Members invited.</param>
/// <param name="Responded">Members who answered (at least <see cref="AnonymityThreshold"/>).</param>
/// <param name="AnonymityThreshold">The run's k, frozen when it opened.</param>
/// <param name="TrustIndex">
/// The <see cref="Summary.TrustIndex"/> of the scores shown here (<paramref name="Factors"/> and
/// <paramref name="Overall"/>), so that it reveals nothing about a factor left out; 0 only when no
/// score at all could be shown (see <see cref="HasScores"/>).
/// </param>
/// <param name="Overall">The overall item's stats; <see cref="ScoreStats.None"/> when fewer than k answered it.</param>
/// <param name="Factors">Interpersonal factor id (<see cref="TrustFactors.All"/>) → stats, only for factors at least k respondents scored.</param>
/// <param name="HelpedPicks">Factor id → how many said it helped trust, of its run.</param>
/// <param name="HurtPicks">Factor id → how many said it hurt trust, of its run.</param>
public sealed record SummaryView(
    IReadOnlyList<string> RunIds,
    DateTimeOffset From,
    DateTimeOffset To,
    int Invited,
    int Responded,
    int AnonymityThreshold,
    double TrustIndex,
    ScoreStats Overall,
    IReadOnlyDictionary<string, ScoreStats> Factors,
    IReadOnlyDictionary<string, int> HelpedPicks,
    IReadOnlyDictionary<string, int> HurtPicks)
{
    /// <summary>
    /// The structural factors (<see cref="StructuralFactors.All"/>) and the charter measure
    /// (<see cref="CharterMeasure.InUse"/>) by id → stats, under the same rule as
    /// <see cref="Factors"/>: only those at least k respondents scored. Kept apart so that they count
    /// neither in <see cref="TrustIndex"/> nor in anything that weighs interpersonal factors.
    /// </summary>
    public IReadOnlyDictionary<string, ScoreStats> Measures { get; init; } = new Dictionary<string, ScoreStats>(StringComparer.Ordinal);

    /// <summary>Responded ÷ invited, from 0 to 1; 0 when nobody was invited.</summary>
    public double ParticipationRate => Invited == 0 ? 0 : (double)Responded / Invited;

    /// <summary>Whether any score is shown; false only when the answers scored too little (corrupt data), and then <see cref="TrustIndex"/> means nothing.</summary>
    public bool HasScores => Overall.Count > 0 || Factors.Count > 0;
}

/// <summary>
/// The team's newest runs since its last view, too few answers each to be shown: the card says
/// "not enough answers yet (<paramref name="Responded"/> of <paramref name="Threshold"/>)".
/// </summary>
/// <param name="Responded">Answers to the newest of them.</param>
/// <param name="Threshold">How many it needed: its k, frozen when it opened.</param>
/// <param name="Runs">How many runs since the last view were not shown.</param>
public sealed record PendingAnswers(int Responded, int Threshold, int Runs);

/// <summary>What <see cref="SummaryViews.From"/> finds in a team's closed runs.</summary>
/// <param name="Views">The views, oldest first; no two share a run.</param>
/// <param name="Pending">The latest runs not shown yet because they have too few answers, or null when there are none.</param>
public sealed record SummaryViewSet(IReadOnlyList<SummaryView> Views, PendingAnswers? Pending);
