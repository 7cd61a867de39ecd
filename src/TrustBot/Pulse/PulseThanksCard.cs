using System.Globalization;
using TrustBot.Cards;
using TrustBot.Domain.Pulse;

namespace TrustBot.Pulse;

/// <summary>Replaces the pulse card once an answer is stored.</summary>
public static class PulseThanksCard
{
    /// <summary>The verb of the "Change my answer" button.</summary>
    public const string ChangeVerb = "pulse.change";

    /// <summary>Builds the card.</summary>
    /// <param name="run">The run answered.</param>
    /// <param name="previousRun">The team's last closed run, shown only when it met its anonymity threshold.</param>
    public static AdaptiveCard Build(PulseRun run, PulseRollup? previousRun)
    {
        List<CardElement> body =
        [
            CardBlocks.Heading("Thanks, your answer is recorded", TextColor.Good),
            new TextBlock("It is anonymous: stored without your name, and nobody, leads included, can see what you answered. " +
                          $"The team sees totals only if at least {run.AnonymityThreshold} people answer."),
            new TextBlock($"Results come after the pulse closes on {CardText.LocalDateTime(run.ClosesAt)}. You can change your answer until then.") { IsSubtle = true },
        ];

        if (previousRun is { MeetsThreshold: true })
        {
            body.Add(new FactSet(
            [
                new Fact("Last time, overall trust", previousRun.Overall.Mean.ToString("0.0", CultureInfo.InvariantCulture) + " out of 5"),
                new Fact("Answered", $"{previousRun.Responded} of {previousRun.Invited}"),
            ])
            { Separator = true });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Change my answer", ChangeVerb) { Data = PulseCardData.For(run) }],
        };
    }
}
