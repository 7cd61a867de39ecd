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
