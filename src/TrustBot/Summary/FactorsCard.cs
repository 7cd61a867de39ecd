using System.Globalization;
using TrustBot.Cards;
using TrustBot.Domain.Summary;

namespace TrustBot.Summary;

/// <summary>Stage 3: every trust factor in full, with the evidence behind what helps and what hinders.</summary>
public static class FactorsCard
{
    /// <summary>Builds the card.</summary>
    public static AdaptiveCard Build(string? teamName, TeamSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        List<CardElement> body = [CardBlocks.Heading(teamName is null ? "Trust factors" : $"Trust factors: {teamName}")];
        if (summary.Latest is null)
        {
            body.Add(new TextBlock(SummaryCard.NothingToShowYet(summary.Pending)));
            return new AdaptiveCard { Body = body };
        }

        var evidence = summary.Hindrances.Concat(summary.Contributors).ToDictionary(insight => insight.Factor.Id, insight => insight.Evidence, StringComparer.Ordinal);
        foreach (var trend in summary.Factors)
        {
            body.AddRange(FactorBlock(trend, evidence.GetValueOrDefault(trend.Factor.Id) ?? "nothing stands out"));
        }

        // Structural factors and the charter item are scored like the others but weigh in no insight.
        if (summary.Structural.Count > 0 || summary.CharterInUse is { IsShown: true })
        {
            body.Add(new TextBlock("How we work: structural factors") { Size = TextSize.Medium, Weight = TextWeight.Bolder, Separator = true });
            foreach (var trend in summary.CharterInUse is { IsShown: true } charter ? [.. summary.Structural, charter] : summary.Structural)
            {
                body.AddRange(FactorBlock(trend, evidence: null));
            }
        }

        return new AdaptiveCard { Body = body };
    }

    private static IEnumerable<CardElement> FactorBlock(FactorTrend trend, string? evidence)
    {
        yield return new TextBlock(trend.Factor.Name) { Weight = TextWeight.Bolder, Separator = true };
        yield return new TextBlock(trend.Factor.Description) { IsSubtle = true, Spacing = Spacing.None };
        List<Fact> facts =
        [
            new Fact("Score", trend.Mean is { } mean ? mean.ToString("0.0", CultureInfo.InvariantCulture) + " of 5, from " + trend.Count + " people" : "no score yet"),
            new Fact("Change", trend.Change is { } change ? change.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "none to compare yet"),
            new Fact("Spread (1 to 5)", trend.Mean is null ? "–" : Sparkline.Of(trend.Distribution) + "  " + string.Join(" · ", trend.Distribution)),
        ];
        if (evidence is not null)
        {
            facts.Add(new Fact("Evidence", evidence));
        }

        yield return new FactSet(facts);
    }
}
