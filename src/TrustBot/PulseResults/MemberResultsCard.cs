using System.Globalization;
using TrustBot.Cards;
using TrustBot.Domain.Summary;

namespace TrustBot.PulseResults;

/// <summary>
/// The card every member gets when a pulse closes: the trust index and how it moved, the strongest
/// and weakest factor, how many answered, and the leads' "what we will do" line; or, below k, that
/// too few answered to show anything. Never a comment.
/// </summary>
public static class MemberResultsCard
{
    /// <summary>Builds the member's card.</summary>
    /// <param name="teamName">The team's name, when known.</param>
    /// <param name="results">The run's results.</param>
    /// <param name="line">The leads' "what we will do" line, if they wrote one.</param>
    public static AdaptiveCard Build(string? teamName, RunResults results, string? line) => new() { Body = Body(teamName, results, line) };

    /// <summary>The card's body, which the leads' card shows as a preview.</summary>
    public static List<CardElement> Body(string? teamName, RunResults results, string? line)
    {
        ArgumentNullException.ThrowIfNull(results);
        var participation = $"{results.Responded} of {results.Invited} answered ({CardText.Percent(results.ParticipationRate)}).";
        if (results.View is not { } view)
        {
            return
            [
                CardBlocks.Heading(teamName is null ? "The pulse has closed" : $"The pulse has closed: {teamName}"),
                new TextBlock($"{participation} That is fewer than the {results.Threshold} needed to show results without risking anyone's anonymity, so there are none this time."),
                new TextBlock("Thanks to everyone who answered. The next pulse will reach you here.") { IsSubtle = true },
            ];
        }

        List<CardElement> body =
        [
            CardBlocks.Heading(teamName is null ? "Pulse results" : $"Pulse results: {teamName}"),
            new ColumnSet(
            [
                new Column([
                    new TextBlock(Round(view.TrustIndex)) { Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Spacing = Spacing.None },
                    new TextBlock("trust index, out of 100") { IsSubtle = true, Spacing = Spacing.None },
                ]) { Width = "auto" },
                new Column([new TextBlock(Change(results.TrustIndexChange)) { Spacing = Spacing.None }])
                {
                    Width = "stretch",
                    VerticalContentAlignment = VerticalAlignment.Center,
                },
            ]),
            new TextBlock(participation) { IsSubtle = true },
        ];
        List<Fact> factors = [];
        if (results.Strongest is { } strongest)
        {
            factors.Add(new Fact("Strongest", $"{strongest.Factor.Name} {Mean(strongest.Mean)}"));
        }

        if (results.Weakest is { } weakest)
        {
            factors.Add(new Fact("Needs most care", $"{weakest.Factor.Name} {Mean(weakest.Mean)}"));
        }

        if (factors.Count > 0)
        {
            body.Add(new FactSet(factors) { Separator = true });
        }

        if (!string.IsNullOrWhiteSpace(line))
        {
            body.Add(new Container(
            [
                new TextBlock("What we will do") { Weight = TextWeight.Bolder },
                new TextBlock(line) { Spacing = Spacing.Small },
            ])
            { Style = ContainerStyle.Emphasis, Separator = true });
        }

        body.Add(new TextBlock($"Factors are scored 1 to 5. Only numbers at least {results.Threshold} people gave are shown, and never what anyone wrote.") { IsSubtle = true, Separator = true });
        return body;
    }

    private static string Round(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);

    private static string Mean(double mean) => mean.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Change(double? change) => change switch
    {
        null => "the first results shown for the team",
        var c when Math.Round(c.Value) == 0 => "about the same as last time",
        > 0 => $"up {Round(change.Value)} since last time",
        _ => $"down {Round(-change.Value)} since last time",
    };
}
