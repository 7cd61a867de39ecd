namespace TrustBot.Domain.Pulse;

/// <summary>
/// The anonymity thresholds: how many people must have answered before a number or a comment is
/// shown. Scores need k (at least 3); comments, which can identify their author by wording, need
/// at least 5.
/// </summary>
public static class Anonymity
{
    /// <summary>The lowest k allowed, whatever a team configures.</summary>
    public const int MinimumThreshold = 3;

    /// <summary>The fewest respondents comments are shown for, whatever k is.</summary>
    public const int MinimumCommentThreshold = 5;

    /// <summary>The threshold in force for a configured k: never below <see cref="MinimumThreshold"/>.</summary>
    /// <param name="configured">The team's configured k.</param>
    public static int ThresholdOrMinimum(int configured) => Math.Max(configured, MinimumThreshold);

    /// <summary>The fewest respondents comments are shown for when scores need <paramref name="k"/>: max(k, 5).</summary>
    /// <param name="k">The score threshold in force.</param>
    public static int CommentThreshold(int k) => Math.Max(k, MinimumCommentThreshold);
}
