using TrustBot.Cards;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Pulse;

namespace TrustBot.Recovery.Nudges;

/// <summary>
/// The recovery pulse as a member gets it (T+3 days): the run's pulse card, answered like any
/// other, under a few words that say why it comes. A leads-only incident is not named.
/// </summary>
public static class RecoveryPulseCard
{
    /// <summary>Builds the card.</summary>
    /// <param name="run">The recovery pulse's run.</param>
    /// <param name="bank">Where its items come from.</param>
    /// <param name="teamName">The team's name, when known.</param>
    /// <param name="incident">The incident it follows.</param>
    public static AdaptiveCard Build(PulseRun run, QuestionBank bank, string? teamName, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var pulse = PulseCard.Build(run, bank, teamName);
        var after = incident.Visibility == IncidentVisibility.Team ? $"after “{incident.Title}”" : "after a difficult moment";
        var intro = new Container(
        [
            new TextBlock($"A short check-in {after}") { Weight = TextWeight.Bolder },
            new TextBlock("How is trust in the team doing now? Your answers help the team see whether it is coming back, and what still needs care."),
        ])
        {
            Style = ContainerStyle.Emphasis,
        };

        // Under the pulse card's heading, above its own introduction and questions.
        return pulse with { Body = [pulse.Body[0], intro, .. pulse.Body.Skip(1)] };
    }
}
