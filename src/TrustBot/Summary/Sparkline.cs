namespace TrustBot.Summary;

/// <summary>
/// A row of block characters that draws a series: text, so it takes the theme's text colour and
/// reads in Teams' light, dark and high-contrast themes alike.
/// </summary>
public static class Sparkline
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    /// <summary>One bar per value, scaled between the smallest and largest (flat when all are equal).</summary>
    public static string Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        if (list.Count == 0)
        {
            return string.Empty;
        }

        var (min, max) = (list.Min(), list.Max());
        return string.Concat(list.Select(value => max > min ? Bars[(int)Math.Round((value - min) / (max - min) * (Bars.Length - 1))] : Bars[Bars.Length / 2]));
    }

    /// <summary>One bar per count (a distribution), scaled from zero to the largest.</summary>
    public static string Of(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var max = counts.Count == 0 ? 0 : counts.Max();
        return max == 0 ? string.Empty : string.Concat(counts.Select(count => Bars[(int)Math.Round((double)count / max * (Bars.Length - 1))]));
    }
}
