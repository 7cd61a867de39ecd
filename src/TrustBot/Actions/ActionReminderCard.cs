using TrustBot.Cards;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Teams;

namespace TrustBot.Actions;

/// <summary>
/// The owner's reminder about one action item: due tomorrow, or overdue. Its buttons are the list
/// card's (complete, change the due date), and a click updates the reminder in place.
/// </summary>
public static class ActionReminderCard
{
    /// <summary>Builds the reminder.</summary>
    /// <param name="team">The item's team.</param>
    /// <param name="item">The item, as it is now.</param>
    /// <param name="kind">Which reminder.</param>
    /// <param name="today">The owner's calendar day: the earliest new due date.</param>
    public static AdaptiveCard Build(Team team, ActionItem item, ActionReminderKind kind, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(item);
        var (heading, nudge) = kind == ActionReminderKind.DueTomorrow
            ? ($"Due tomorrow: {item.Title}", "A small promise kept is what builds trust. If it won't happen by then, say so and pick a new date: that counts too.")
            : ($"Overdue: {item.Title}", "It was due yesterday. Done already? Mark it so. Still on it? Pick a date you can keep, so the team knows.");
        return ItemCard(team, item, today, [CardBlocks.Heading(heading, kind == ActionReminderKind.Overdue ? TextColor.Attention : null), new TextBlock(nudge)]);
    }

    /// <summary>The reminder after a click on it: what the click did, and the item as it stands now.</summary>
    /// <param name="team">The item's team.</param>
    /// <param name="item">The item, as it is now.</param>
    /// <param name="notice">What the click did, or why it did nothing.</param>
    /// <param name="today">The clicker's calendar day.</param>
    public static AdaptiveCard Updated(Team team, ActionItem item, ActionListNotice notice, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(notice);
        return ItemCard(team, item, today,
        [
            CardBlocks.Heading(item.Title),
            notice.IsProblem ? CardBlocks.Problems(notice.Text) : new Container([new TextBlock(notice.Text)]) { Style = ContainerStyle.Emphasis },
        ]);
    }

    private static AdaptiveCard ItemCard(Team team, ActionItem item, DateOnly today, List<CardElement> body)
    {
        body.Add(new FactSet(
        [
            new Fact("Team", team.Name ?? "Your team"),
            new Fact("Owner", item.OwnerName ?? "You"),
            new Fact("Due", Observations.ObservationView.Day(item.DueOn)),
            new Fact("Trust factor", Domain.Pulse.TrustFactors.Find(item.FactorId)?.Name ?? item.FactorId),
            new Fact("State", item.IsCompleted ? "✓ Done" : item.IsOverdue(today) ? "Overdue" : "Open"),
        ]));
        if (item.IsCompleted)
        {
            return new AdaptiveCard { Body = body };
        }

        var data = ActionCardData.ForReminder(team.Id, item.Id);
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction("Mark it done", ActionListCard.CompleteVerb) { Data = data, Style = ActionStyle.Positive },
                new ShowCardAction("Change due date", new AdaptiveCard
                {
                    Body = [ActionView.DueDateInput(ActionCardData.ItemInput(ActionCardData.DueInput, item.Id), today, ActionForm.FormatDay(item.DueOn < today ? today : item.DueOn))],
                    Actions = [new ExecuteAction("Change due date", ActionListCard.RescheduleVerb) { Data = data }],
                }),
            ],
        };
    }
}
