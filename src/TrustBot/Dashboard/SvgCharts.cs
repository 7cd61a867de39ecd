using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace TrustBot.Dashboard;

/// <summary>One point of a chart: its label on the x axis and its value, or null where nothing may be shown.</summary>
/// <param name="Label">The x-axis label, e.g. the day a run closed.</param>
/// <param name="Value">The value; null leaves a gap (e.g. a factor fewer than k people scored in that run).</param>
public sealed record ChartPoint(string Label, double? Value);

/// <summary>
/// Charts as inline SVG drawn on the server, so that the page needs no chart library. Each is an
/// image with a title and a description (<c>role="img"</c>, <c>aria-labelledby</c>) that say what
/// it shows; the page puts the same numbers in a table beside it.
/// </summary>
public static class SvgCharts
{
    private const int Left = 34;
    private const int Right = 36;
    private const int Top = 10;
    private const int Bottom = 22;

    /// <summary>A line chart from <paramref name="min"/> to <paramref name="max"/>, broken where a value is missing.</summary>
    /// <param name="id">A page-unique id for the title and description.</param>
    /// <param name="title">What the chart shows, e.g. "Trust index over time".</param>
    /// <param name="description">The gist in words, e.g. "From 62 to 71 over 5 runs".</param>
    /// <param name="points">The points, oldest first.</param>
    /// <param name="min">The bottom of the y axis.</param>
    /// <param name="max">The top of the y axis.</param>
    /// <param name="width">Width in pixels (the chart scales down with the page).</param>
    /// <param name="height">Height in pixels.</param>
    public static string Line(string id, string title, string description, IReadOnlyList<ChartPoint> points, double min, double max, int width = 640, int height = 220)
    {
        ArgumentNullException.ThrowIfNull(points);
        var svg = Open(id, title, description, width, height);
        Axes(svg, min, max, width, height);
        var segment = new List<string>();
        for (var i = 0; i <= points.Count; i++)
        {
            if (i < points.Count && points[i].Value is { } value)
            {
                segment.Add(Invariant($"{X(i, points.Count, width):0.#},{Y(value, min, max, height):0.#}"));
                continue;
            }

            if (segment.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line\" fill=\"none\" points=\"{string.Join(' ', segment)}\"/>");
            }

            segment.Clear();
        }

        for (var i = 0; i < points.Count; i++)
        {
            var x = X(i, points.Count, width);
            if (points[i].Value is { } value)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot\" cx=\"{x:0.#}\" cy=\"{Y(value, min, max, height):0.#}\" r=\"3.5\"><title>{HtmlEncode(points[i].Label)}: {value:0.0}</title></circle>");
            }

            XLabel(svg, points, i, x, height);
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A bar chart from 0 to <paramref name="max"/>, e.g. participation in percent; parameters as for <see cref="Line"/>.</summary>
    public static string Bars(string id, string title, string description, IReadOnlyList<ChartPoint> points, double max, int width = 640, int height = 180)
    {
        ArgumentNullException.ThrowIfNull(points);
        var svg = Open(id, title, description, width, height);
        Axes(svg, 0, max, width, height);
        var slot = (width - Left - Right) / (double)Math.Max(points.Count, 1);
        for (var i = 0; i < points.Count; i++)
        {
            var x = X(i, points.Count, width);
            if (points[i].Value is { } value)
            {
                var y = Y(value, 0, max, height);
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x - (BarWidth(slot) / 2):0.#}\" y=\"{y:0.#}\" width=\"{BarWidth(slot):0.#}\" height=\"{height - Bottom - y:0.#}\"><title>{HtmlEncode(points[i].Label)}: {value:0}</title></rect>");
            }

            XLabel(svg, points, i, x, height);
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, string title, string description, int width, int height) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">" +
            $"<title id=\"{id}-title\">{HtmlEncode(title)}</title><desc id=\"{id}-desc\">{HtmlEncode(description)}</desc>");

    // Three grid lines, at the bottom, the middle and the top, labelled with their values.
    private static void Axes(StringBuilder svg, double min, double max, int width, int height)
    {
        foreach (var value in new[] { min, (min + max) / 2, max })
        {
            var y = Y(value, min, max, height);
            svg.Append(CultureInfo.InvariantCulture,
                $"<line class=\"grid\" x1=\"{Left}\" x2=\"{width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/><text class=\"tick\" x=\"{Left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{value:0.#}</text>");
        }
    }

    // Labels every point when there is room, otherwise the first, the last and a few between.
    private static void XLabel(StringBuilder svg, IReadOnlyList<ChartPoint> points, int i, double x, int height)
    {
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 6.0));
        if (i % every == 0 || i == points.Count - 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{x:0.#}\" y=\"{height - 6}\" text-anchor=\"middle\">{HtmlEncode(points[i].Label)}</text>");
        }
    }

    // Bars as wide as a slot allows, never so wide that a few pulses look like a wall.
    private static double BarWidth(double slot) => Math.Min(slot * 0.6, 36);

    private static double X(int index, int count, int width) =>
        count <= 1 ? Left + ((width - Left - Right) / 2.0) : Left + 12 + (index * (width - Left - Right - 24) / (double)(count - 1));

    private static double Y(double value, double min, double max, int height) =>
        Top + ((1 - ((Math.Clamp(value, min, max) - min) / (max - min))) * (height - Top - Bottom));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
