using TrustBot.Cards;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;

namespace TrustBot.Delivery;

/// <summary>
/// Writes the message of a <see cref="DeliveryRequest"/> at the moment it is sent, from what is
/// true then: a run that closed meanwhile sends nothing, a member who answered gets no reminder.
/// </summary>
public interface IDeliveryComposer
{
    /// <summary>The kinds of delivery this composer writes.</summary>
    IReadOnlyCollection<DeliveryKind> Kinds { get; }

    /// <summary>The card to send, or null when nothing should be sent any more.</summary>
    Task<CardMessage?> ComposeAsync(DeliveryRequest request, Team team, CancellationToken cancellationToken);
}
