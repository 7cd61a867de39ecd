using TrustBot.Actions;
using TrustBot.Cards;
using TrustBot.Domain.Recovery;

namespace TrustBot.Recovery.Nudges;

/// <summary>
/// The leads' prompt to hold a retrospective (T+1 day): a short blameless guide, and a button that
/// records an action from it, linked to the incident so the team sees its progress.
/// </summary>
public static class RetrospectiveCard
{
    /// <summary>The guide's prompts, in the order a retrospective goes through them.</summary>
    public static IReadOnlyList<string> Prompts { get; } =
    [
        "What happened? Walk through it in order, facts before opinions.",
        "What did we expect to happen, and where did it turn out differently?",
        "What made it hard? Look at the situation, the tools, the information and the pressures, not at people.",
        "What helped? What should we keep doing?",
        "What do we change? Agree one or two actions, each with an owner and a date.",
    ];

    /// <summary>Builds the card.</summary>
    /// <param name="incident">The accepted incident.</param>
    public static AdaptiveCard Build(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var who = incident.Visibility == IncidentVisibility.Team
            ? "with the people involved"
            : "with the people directly involved (the incident is for leads only, so keep the circle small)";
        return new AdaptiveCard
        {
            Body =
            [
                CardBlocks.Heading($"Time for a retrospective: {incident.Title}"),
                new TextBlock($"Hold a short, blameless retrospective {who}; 30 to 45 minutes is enough. {RecoveryNudgeView.BlamelessFraming}"),
                RecoveryNudgeView.Section("Five prompts"),
                .. Prompts.Select((prompt, i) => new TextBlock($"{i + 1}. {prompt}") { Spacing = Spacing.Small }),
                .. RecoveryNudgeView.WhatRebuildsTrust(incident, "Actions that rebuild trust after this"),
                new TextBlock("Record each action with the button below: it is linked to the incident, and its progress comes back in the plan.")
                {
                    IsSubtle = true,
                    Separator = true,
                },
            ],
            Actions =
            [
                new ExecuteAction("Add an action from the retrospective", AddActionCard.NewForIncidentVerb)
                {
                    Data = ActionCardData.ForIncident(incident.TeamId, incident.Id),
                    Style = ActionStyle.Positive,
                },
            ],
        };
    }
}
