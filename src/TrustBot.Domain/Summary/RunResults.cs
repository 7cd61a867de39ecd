using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Summary;

/// <summary>
/// What every member is told when a pulse closes: the same numbers the summary shows for that run,
/// held to the same k (only a run that met its threshold has any), and nothing a summary would keep
/// from the channel: no comments, no leads' observations.
/// </summary>
/// <param name="RunId">The closed run.</param>
/// <param name="Invited">Members invited.</param>
/// <param name="Responded">Members who answered.</param>
/// <param name="Threshold">The run's k.</param>
/// <param name="View">The run's view, when it met its k and scored anything; null otherwise.</param>
/// <param name="TrustIndexChange">The trust index minus that of the view before, or null without both.</param>
/// <param name="Strongest">The factor scored highest in the view, or null when it shows none.</param>
/// <param name="Weakest">The factor scored lowest, or null when it shows fewer than two.</param>
public sealed record RunResults(
    string RunId,
    int Invited,
    int Responded,
    int Threshold,
    SummaryView? View,
    double? TrustIndexChange,
    FactorScore? Strongest,
    FactorScore? Weakest)
{
    /// <summary>Responded ÷ invited, from 0 to 1; 0 when nobody was invited.</summary>
    public double ParticipationRate => Invited == 0 ? 0 : (double)Responded / Invited;

    /// <summary>Whether there are numbers to show.</summary>
    public bool HasNumbers => View is not null;

    /// <summary>
    /// The results of <paramref name="runId"/> from the team's recent roll-ups, worked out as the
    /// summary would have been the moment it closed (<see cref="TeamSummaries.Build"/>: later runs are
    /// left out); null when the run is not among them.
    /// </summary>
    /// <param name="newestFirst">The team's recent closed runs, newest first (as storage lists them).</param>
    /// <param name="runId">The run.</param>
    public static RunResults? Of(IReadOnlyList<PulseRollup> newestFirst, string runId)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var index = newestFirst.ToList().FindIndex(rollup => rollup.RunId == runId);
        if (index < 0)
        {
            return null;
        }

        var run = newestFirst[index];
        var summary = TeamSummaries.Build([.. newestFirst.Skip(index)], observations: []);
        var view = run.MeetsThreshold && summary.Latest is { HasScores: true } latest && latest.RunIds.Contains(runId) ? latest : null;
        var ranked = view is null
            ? []
            : view.Factors
                .Select(shown => TrustFactors.Find(shown.Key) is { } factor ? new FactorScore(factor, shown.Value.Mean) : null)
                .OfType<FactorScore>()
                .OrderByDescending(score => score.Mean)
                .ThenBy(score => score.Factor.Name, StringComparer.Ordinal)
                .ToList();
        return new RunResults(
            run.RunId,
            run.Invited,
            run.Responded,
            run.AnonymityThreshold,
            view,
            view is null ? null : summary.TrustIndexChange,
            ranked.Count > 0 ? ranked[0] : null,
            ranked.Count > 1 ? ranked[^1] : null);
    }
}

/// <summary>A factor's mean score (1 to 5) in one view.</summary>
/// <param name="Factor">The factor.</param>
/// <param name="Mean">Its mean.</param>
public sealed record FactorScore(TrustFactor Factor, double Mean);
