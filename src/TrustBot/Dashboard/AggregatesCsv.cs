using System.Globalization;
using System.Text;
using TrustBot.Domain;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;

namespace TrustBot.Dashboard;

/// <summary>
/// A team's results as CSV, one row per closed pulse that met its k (the summary's views): when it
/// closed, how many answered and were invited, the trust index and each factor's mean and spread
/// (empty where fewer than k scored the factor). Nothing per person, no comments. Cells that a
/// spreadsheet would run as a formula are neutralised, although every cell is a number or a date.
/// </summary>
public static class AggregatesCsv
{
    /// <summary>The CSV's media type.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The header row's cells.</summary>
    public static IReadOnlyList<string> Header { get; } =
    [
        "pulse_closed", "answered", "invited", "trust_index",
        .. TrustFactors.All.SelectMany(factor => new[] { factor.Id + "_mean", factor.Id + "_spread" }),
    ];

    /// <summary>The CSV of <paramref name="views"/>, oldest first, with CRLF line ends (RFC 4180).</summary>
    public static string Of(IReadOnlyList<SummaryView> views)
    {
        ArgumentNullException.ThrowIfNull(views);
        var csv = new StringBuilder();
        Row(csv, Header);
        foreach (var view in views)
        {
            Row(csv,
            [
                view.To.ToString(FormFormats.Day, Invariant),
                view.Responded.ToString(Invariant),
                view.Invited.ToString(Invariant),
                view.HasScores ? view.TrustIndex.ToString("0.0", Invariant) : string.Empty,
                .. TrustFactors.All.SelectMany(factor => view.Factors.TryGetValue(factor.Id, out var stats)
                    ? new[] { stats.Mean.ToString("0.00", Invariant), stats.Spread.ToString("0.00", Invariant) }
                    : [string.Empty, string.Empty]),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>
    /// One cell, safe to open in a spreadsheet: text starting with <c>= + - @</c>, a tab or a carriage
    /// return gets a leading apostrophe (OWASP's advice against CSV injection), and a cell with a comma,
    /// quote or line break is quoted.
    /// </summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private static void Row(StringBuilder csv, IEnumerable<string> cells) =>
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
}
