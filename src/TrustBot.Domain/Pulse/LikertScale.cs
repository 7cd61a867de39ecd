namespace TrustBot.Domain.Pulse;

/// <summary>The five-point agreement scale every pulse item is answered on.</summary>
public static class LikertScale
{
    /// <summary>The lowest point: strongly disagree.</summary>
    public const int Min = 1;

    /// <summary>The highest point: strongly agree.</summary>
    public const int Max = 5;

    /// <summary>The label of each point, from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public static IReadOnlyList<string> Labels { get; } =
        ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];

    /// <summary>The label of a point, e.g. "Agree" for 4.</summary>
    /// <param name="point">A point from 1 to 5.</param>
    /// <exception cref="ArgumentOutOfRangeException">The point is not on the scale.</exception>
    public static string Label(int point) => Labels[CheckOnScale(point) - Min];

    /// <summary>
    /// The score a point counts for: the point itself, or 6 − point for a reverse-scored item,
    /// so that 5 always means the trusting end.
    /// </summary>
    /// <param name="item">The item answered.</param>
    /// <param name="point">The point chosen, from 1 to 5.</param>
    /// <exception cref="ArgumentOutOfRangeException">The point is not on the scale.</exception>
    public static int Score(QuestionItem item, int point)
    {
        ArgumentNullException.ThrowIfNull(item);
        CheckOnScale(point);
        return item.IsReverseScored ? Min + Max - point : point;
    }

    /// <summary>Whether the point is on the scale (1 to 5).</summary>
    /// <param name="point">Any number.</param>
    public static bool IsOnScale(int point) => point is >= Min and <= Max;

    private static int CheckOnScale(int point) =>
        IsOnScale(point) ? point : throw new ArgumentOutOfRangeException(nameof(point), point, $"A point on the scale is from {Min} to {Max}.");
}
