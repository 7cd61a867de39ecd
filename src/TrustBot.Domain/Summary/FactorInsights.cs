using System.Globalization;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Summary;

/// <summary>
/// Weighs the evidence about each factor into hindrances and contributors (stage 3: which
/// behaviours build trust and which erode it).
/// </summary>
/// <remarks>
/// A factor's weight adds four terms, each in points of the 1–5 scale so that they compare:
/// <list type="bullet">
/// <item>score: its latest shown mean − 3 (the scale's neutral point), from −2 to +2;</item>
/// <item>change: that mean's change since the view before that showed it, as is, so a fall of 0.4
/// weighs as much as standing 0.4 lower;</item>
/// <item>picks: 2 × (helped − hurt picks) ÷ respondents of the latest view, from −2 to +2, so a
/// factor everyone says hurt weighs as much as the lowest possible score;</item>
/// <item>observations: 0.25 per "helps" minus 0.25 per "hurts" in the 90 days up to the latest
/// view's end, capped at ±1, because a lead's notes are a handful of conversations: they can tip
/// the balance but never outweigh what the whole team answered.</item>
/// </list>
/// Below 0 is a hindrance, above 0 a contributor, so a factor is never both. A term without
/// evidence (never shown, no picks, no notes) is 0. Numbers come only from views, which met the
/// threshold; observation counts are the leads' own notes.
/// </remarks>
internal static class FactorInsights
{
    private const int ListLength = 3;
    private const double NeutralScore = (LikertScale.Min + LikertScale.Max) / 2.0;
    private const double PicksScale = 2.0;
    private const double ObservationStep = 0.25;
    private const double ObservationCap = 1.0;
    private const int ObservationDays = 90;

    /// <summary>Up to three hindrances (worst first), three contributors (best first) and the weakest factor.</summary>
    /// <param name="factors">Every factor's trend, in <see cref="TrustFactors.All"/> order (ties keep it).</param>
    /// <param name="latest">The latest view, or null when there is none.</param>
    /// <param name="observations">The team's observations.</param>
    public static (IReadOnlyList<FactorInsight> Hindrances, IReadOnlyList<FactorInsight> Contributors, TrustFactor? Weakest) Weigh(
        IReadOnlyList<FactorTrend> factors, SummaryView? latest, IReadOnlyList<Observation> observations)
    {
        var recent = latest is null ? [] : ObservedBefore(latest.To, observations);
        var evidence = factors
            .Select(f => Evidence.Of(f, latest, recent.Where(o => o.FactorIds.Contains(f.Factor.Id, StringComparer.Ordinal)).ToList()))
            .Where(e => e.Exists)
            .Select(e => new FactorInsight(e.Trend.Factor, e.Describe(), e.Weight()))
            .ToList();

        return (
            [.. evidence.Where(i => i.Weight < 0).OrderBy(i => i.Weight).Take(ListLength)],
            [.. evidence.Where(i => i.Weight > 0).OrderByDescending(i => i.Weight).Take(ListLength)],
            evidence.OrderBy(i => i.Weight).FirstOrDefault()?.Factor);
    }

    private static List<Observation> ObservedBefore(DateTimeOffset end, IReadOnlyList<Observation> observations)
    {
        var lastDay = DateOnly.FromDateTime(end.DateTime);
        var firstDay = lastDay.AddDays(1 - ObservationDays);
        return [.. observations.Where(o => o.ObservedOn >= firstDay && o.ObservedOn <= lastDay)];
    }

    /// <summary>What is known about one factor.</summary>
    private sealed record Evidence(FactorTrend Trend, int Responded, int Helped, int Hurt, int Helps, int Hurts)
    {
        public static Evidence Of(FactorTrend trend, SummaryView? latest, IReadOnlyList<Observation> observations) => new(
            trend,
            latest?.Responded ?? 0,
            latest?.HelpedPicks.GetValueOrDefault(trend.Factor.Id) ?? 0,
            latest?.HurtPicks.GetValueOrDefault(trend.Factor.Id) ?? 0,
            observations.Count(o => o.Effect == ObservationEffect.Helps),
            observations.Count(o => o.Effect == ObservationEffect.Hurts));

        public bool Exists => Trend.IsShown || Helped + Hurt + Helps + Hurts > 0;

        public double Weight()
        {
            var score = Trend.Mean - NeutralScore ?? 0;
            var change = Trend.Change ?? 0;
            var picks = Responded == 0 ? 0 : PicksScale * (Helped - Hurt) / Responded;
            var notes = Math.Clamp(ObservationStep * (Helps - Hurts), -ObservationCap, ObservationCap);
            return score + change + picks + notes;
        }

        /// <summary>E.g. "Openness 2.9, down 0.4 over 3 runs; 5 'hurt' picks; 2 observations say it hurts".</summary>
        public string Describe()
        {
            string?[] parts =
            [
                Score(),
                Helped > 0 ? Count(Helped, "'helped' pick", "'helped' picks") : null,
                Hurt > 0 ? Count(Hurt, "'hurt' pick", "'hurt' picks") : null,
                Helps > 0 ? Count(Helps, "observation says it helps", "observations say it helps") : null,
                Hurts > 0 ? Count(Hurts, "observation says it hurts", "observations say it hurts") : null,
            ];
            return string.Join("; ", parts.OfType<string>());
        }

        private string Score()
        {
            var name = Trend.Factor.Name;
            if (Trend.Mean is not { } mean)
            {
                return $"{name} (no score yet)";
            }

            var head = Invariant($"{name} {mean:F1}");
            return Trend.Change is { } change
                ? $"{head}, {Movement(change)} over {Count(Trend.ChangeOverRuns, "run", "runs")}"
                : head;
        }

        private static string Movement(double change)
        {
            var shown = Math.Round(change, 1, MidpointRounding.AwayFromZero);
            return shown switch
            {
                > 0 => Invariant($"up {shown:F1}"),
                < 0 => Invariant($"down {-shown:F1}"),
                _ => "no change",
            };
        }

        private static string Count(int count, string one, string many) =>
            Invariant($"{count} {(count == 1 ? one : many)}");

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
