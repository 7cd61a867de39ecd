using TrustBot.Cards;
using TrustBot.Domain.Recovery;
using TrustBot.Recovery.Incidents;

namespace TrustBot.Recovery.Nudges;

/// <summary>
/// The first step of a recovery plan (T+0): names the incident, frames it blamelessly, says what
/// rebuilds trust after a breach of its factors, and what happens next. Posted to the channel, or
/// sent to each lead for a leads-only incident.
/// </summary>
public static class AcknowledgeCard
{
    /// <summary>Builds the card.</summary>
    /// <param name="incident">The accepted incident.</param>
    public static AdaptiveCard Build(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        List<CardElement> body =
        [
            CardBlocks.Heading($"Incident: {incident.Title}"),
            new TextBlock(IncidentView.Facts(incident)) { IsSubtle = true, Spacing = Spacing.None },
            new TextBlock("Something cost us trust. Naming it is the first step to mending it.") { Weight = TextWeight.Bolder },
            new TextBlock(incident.WhatHappened),
            new Container([new TextBlock("How we look at it") { Weight = TextWeight.Bolder }, new TextBlock(RecoveryNudgeView.BlamelessFraming)])
            {
                Style = ContainerStyle.Emphasis,
            },
            .. RecoveryNudgeView.WhatRebuildsTrust(incident, "What rebuilds trust now"),
            .. RecoveryNudgeView.WhatHappensNext(incident, RecoveryStep.Acknowledge),
        ];
        if (incident.Visibility == IncidentVisibility.LeadsOnly)
        {
            body.Add(new TextBlock("Only the leads get this: it is not posted to the channel, and the team's check-in will not name it.")
            {
                IsSubtle = true,
                Separator = true,
            });
        }

        return new AdaptiveCard { Body = body };
    }
}
