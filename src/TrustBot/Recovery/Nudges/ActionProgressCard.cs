using TrustBot.Actions;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Recovery;

namespace TrustBot.Recovery.Nudges;

/// <summary>
/// Progress on the actions from an incident's retrospective (T+7 days): what is done, what is
/// open and what is overdue. Posted to the channel, or sent to each lead for a leads-only incident.
/// </summary>
public static class ActionProgressCard
{
    /// <summary>The most actions listed; the count above says how many there are in all.</summary>
    public const int MaxListed = 20;

    /// <summary>Builds the card.</summary>
    /// <param name="incident">The accepted incident.</param>
    /// <param name="linked">The team's actions linked to the incident.</param>
    /// <param name="today">The calendar day, to tell what is overdue.</param>
    public static AdaptiveCard Build(Incident incident, IReadOnlyList<ActionItem> linked, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(linked);
        List<CardElement> body = [CardBlocks.Heading($"A week on: {incident.Title}")];
        if (linked.Count == 0)
        {
            body.Add(new TextBlock(
                "No actions are linked to this incident yet. A retrospective is the place to agree one or two: " +
                "leads add them from the retrospective card, so they show up here."));
        }
        else
        {
            var done = linked.Count(item => item.IsCompleted);
            var overdue = linked.Count(item => item.IsOverdue(today));
            var summary = $"{done} of {linked.Count} {(linked.Count == 1 ? "action is" : "actions are")} done" + (overdue > 0 ? $", {overdue} overdue." : ".");
            body.Add(new TextBlock(summary) { Weight = TextWeight.Bolder });
            body.AddRange(linked
                .OrderBy(item => item.IsCompleted)
                .ThenBy(item => item.DueOn)
                .ThenBy(item => item.Id, StringComparer.Ordinal)
                .Take(MaxListed)
                .Select(item => Line(item, today)));
            if (linked.Count > MaxListed)
            {
                body.Add(new TextBlock($"And {linked.Count - MaxListed} more. Type {BotCommands.Actions.Text} to see them all.") { IsSubtle = true });
            }
        }

        body.AddRange(RecoveryNudgeView.WhatHappensNext(incident, RecoveryStep.ActionProgress));
        return new AdaptiveCard { Body = body };
    }

    private static Container Line(ActionItem item, DateOnly today)
    {
        var state = item.IsCompleted ? "✓ Done" : item.IsOverdue(today) ? "Overdue" : "Open";
        return new Container(
        [
            new TextBlock($"{state}: {item.Title}") { Weight = TextWeight.Bolder, Color = item.IsOverdue(today) ? TextColor.Attention : null },
            new TextBlock(ActionView.Facts(item)) { IsSubtle = true, Spacing = Spacing.None },
        ])
        {
            Separator = true,
        };
    }
}
