namespace TrustBot.Domain.Pulse;

/// <summary>
/// The spread and mean of scores, for an item, a factor or the overall item. Both are of scored
/// values (reverse-scored items flipped), so 5 is always the trusting end.
/// </summary>
/// <param name="Count">
/// How many respondents contributed. For a factor, a respondent counts once however many of its
/// items they answered, so it can be less than the sum of <paramref name="Distribution"/>.
/// </param>
/// <param name="Mean">The mean scored value; 0 when nothing was scored.</param>
/// <param name="Distribution">Five counts: index 0 is how many scored values were 1, index 4 how many were 5.</param>
public sealed record ScoreStats(int Count, double Mean, IReadOnlyList<int> Distribution)
{
    /// <summary>Stats of nothing: no respondents, mean 0, every count 0.</summary>
    public static ScoreStats None { get; } = new(0, 0, new int[LikertScale.Max]);

    /// <summary>
    /// The stats of several groups of scores taken together, as if every scored value had been
    /// rolled up at once: counts and distributions add up, and each mean is weighted by how many
    /// scored values it stands for (the sum of its <see cref="Distribution"/>, not
    /// <see cref="Count"/>, because a factor's respondent can score several of its items).
    /// </summary>
    /// <param name="stats">The stats to merge, e.g. one item over several runs, or several items.</param>
    /// <returns>The merged stats; the mean is 0 when there is no scored value, as in <see cref="None"/>.</returns>
    public static ScoreStats Merge(IEnumerable<ScoreStats> stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var count = 0;
        var values = 0;
        var total = 0.0;
        var distribution = new int[LikertScale.Max];
        foreach (var part in stats)
        {
            var partValues = part.Distribution.Sum();
            count += part.Count;
            values += partValues;
            total += part.Mean * partValues;
            for (var point = 0; point < distribution.Length; point++)
            {
                distribution[point] += part.Distribution[point];
            }
        }

        return new ScoreStats(count, values == 0 ? 0 : total / values, distribution);
    }

    /// <summary>
    /// How far the scored values spread around <see cref="Mean"/>: their population standard
    /// deviation, from <see cref="Distribution"/> (0 when everyone agreed, at most 2 on the 1–5 scale);
    /// 0 when nothing was scored.
    /// </summary>
    public double Spread
    {
        get
        {
            var values = Distribution.Sum();
            if (values == 0)
            {
                return 0;
            }

            var mean = Distribution.Select((count, index) => count * (double)(index + LikertScale.Min)).Sum() / values;
            var variance = Distribution.Select((count, index) => count * Math.Pow(index + LikertScale.Min - mean, 2)).Sum() / values;
            return Math.Sqrt(variance);
        }
    }

    /// <summary>Stats of scored values given by <paramref name="respondents"/> people.</summary>
    internal static ScoreStats Of(int respondents, IReadOnlyCollection<int> scoredValues)
    {
        if (scoredValues.Count == 0)
        {
            return None;
        }

        var distribution = new int[LikertScale.Max];
        foreach (var value in scoredValues)
        {
            distribution[value - LikertScale.Min]++;
        }

        return new ScoreStats(respondents, scoredValues.Average(), distribution);
    }
}
