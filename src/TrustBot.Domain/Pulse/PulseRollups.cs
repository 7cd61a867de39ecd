namespace TrustBot.Domain.Pulse;

/// <summary>Turns a closed run's anonymous answers into its <see cref="PulseRollup"/>.</summary>
public static class PulseRollups
{
    /// <summary>
    /// Rolls up the answers: per item and per factor (scored values, so reverse-scored items are
    /// flipped), the overall item, and the helped/hurt picks.
    /// </summary>
    /// <remarks>
    /// Items are those of the run plus any other item an answer scores that the bank knows (such as
    /// a retired item); ids the bank does not know, points off the scale and unknown factor picks
    /// are skipped, because one corrupt answer must not stop a run from closing. A respondent's
    /// repeated pick of a factor counts once.
    /// </remarks>
    /// <param name="run">The run being closed.</param>
    /// <param name="answers">Every stored answer of the run.</param>
    /// <param name="bank">The bank the run's items come from.</param>
    /// <param name="closedAt">When the run closed.</param>
    public static PulseRollup Compute(PulseRun run, IReadOnlyCollection<PulseAnswer> answers, QuestionBank bank, DateTimeOffset closedAt)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(bank);

        var items = run.ItemIds
            .Concat(answers.SelectMany(a => a.Scores.Keys))
            .Distinct(StringComparer.Ordinal)
            .Select(bank.Find)
            .OfType<QuestionItem>()
            .Where(i => !i.IsOverall)
            .ToList();

        return new PulseRollup(
            run.TeamId,
            run.RunId,
            run.OpensAt,
            closedAt,
            run.InvitedCount,
            answers.Count,
            Anonymity.ThresholdOrMinimum(run.AnonymityThreshold),
            items.ToDictionary(i => i.Id, i => StatsOf([i], answers), StringComparer.Ordinal),
            items.GroupBy(i => i.FactorId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => StatsOf(g.ToList(), answers), StringComparer.Ordinal),
            StatsOf([bank.Overall], answers),
            CountPicks(answers.Select(a => a.Helped)),
            CountPicks(answers.Select(a => a.Hurt)));
    }

    /// <summary>Pools the scored values of the items; a respondent counts once if they scored any of them.</summary>
    private static ScoreStats StatsOf(IReadOnlyList<QuestionItem> items, IEnumerable<PulseAnswer> answers)
    {
        var respondents = 0;
        var values = new List<int>();
        foreach (var answer in answers)
        {
            var before = values.Count;
            foreach (var item in items)
            {
                if (answer.Scores.TryGetValue(item.Id, out var point) && LikertScale.IsOnScale(point))
                {
                    values.Add(LikertScale.Score(item, point));
                }
            }

            if (values.Count > before)
            {
                respondents++;
            }
        }

        return ScoreStats.Of(respondents, values);
    }

    private static Dictionary<string, int> CountPicks(IEnumerable<IReadOnlyList<string>> picksPerAnswer)
    {
        var counts = TrustFactors.All.ToDictionary(f => f.Id, _ => 0, StringComparer.Ordinal);
        foreach (var factorId in picksPerAnswer.SelectMany(picks => picks.Distinct(StringComparer.Ordinal)))
        {
            if (counts.TryGetValue(factorId, out var count))
            {
                counts[factorId] = count + 1;
            }
        }

        return counts;
    }
}
