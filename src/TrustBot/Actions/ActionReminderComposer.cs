using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;

namespace TrustBot.Actions;

/// <summary>
/// Writes the action reminders and the leads' digest when they are sent, from the items as they
/// are then: an item completed, rescheduled, reassigned or deleted since its reminder was queued
/// gets none, and a digest with nothing overdue any more is not sent.
/// </summary>
public sealed class ActionReminderComposer(IActionItemStore actions, ActionReminderPlanner planner, TimeProvider clock) : IDeliveryComposer
{
    /// <inheritdoc />
    public IReadOnlyCollection<DeliveryKind> Kinds => [DeliveryKind.ActionReminder, DeliveryKind.ActionDigest];

    /// <inheritdoc />
    public async Task<CardMessage?> ComposeAsync(DeliveryRequest request, Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(team);
        var card = request.Kind == DeliveryKind.ActionDigest
            ? await DigestAsync(request, team, cancellationToken).ConfigureAwait(false)
            : await ReminderAsync(request, team, cancellationToken).ConfigureAwait(false);
        return CardMessage.FromAdaptiveCard(card);
    }

    private async Task<AdaptiveCard?> ReminderAsync(DeliveryRequest request, Team team, CancellationToken cancellationToken)
    {
        if (ActionReminders.Parse(request.Subject) is not { } subject || request.Recipient?.MemberId != subject.OwnerId)
        {
            return null;
        }

        var item = await actions.GetAsync(team.Id, subject.ItemId, cancellationToken).ConfigureAwait(false);
        if (!ActionReminders.StillApplies(item, subject))
        {
            return null;
        }

        var today = ActionReminders.LocalDay(clock.GetUtcNow(), await planner.OwnerZoneAsync(item!, cancellationToken).ConfigureAwait(false));
        return ActionReminderCard.Build(team, item!, subject.Kind, today);
    }

    private async Task<AdaptiveCard?> DigestAsync(DeliveryRequest request, Team team, CancellationToken cancellationToken)
    {
        if (ActionDigestJob.ReadDigestDay(request.Subject) is not { } planned)
        {
            return null;
        }

        // Sent late (the workers were down), it lists what is overdue when it arrives.
        var today = ActionReminders.LocalDay(clock.GetUtcNow(), await planner.TeamZoneAsync(team.Id, cancellationToken).ConfigureAwait(false));
        var items = await actions.GetAllAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var asOf = today > planned ? today : planned;
        return items.Any(item => item.IsOverdue(asOf)) ? ActionDigestCard.Build(team, items, asOf) : null;
    }
}
