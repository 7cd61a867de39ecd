using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;

namespace TrustBot.Definition;

/// <summary>Writes the charter welcome for a member who joined; nothing when the team no longer has a charter.</summary>
public sealed class CharterWelcomeComposer(ITrustCharterStore charters) : IDeliveryComposer
{
    /// <inheritdoc />
    public IReadOnlyCollection<DeliveryKind> Kinds => [DeliveryKind.CharterWelcome];

    /// <inheritdoc />
    public async Task<CardMessage?> ComposeAsync(DeliveryRequest request, Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(team);
        return await charters.GetCurrentAsync(team.Id, cancellationToken).ConfigureAwait(false) is { } charter
            ? new CardMessage(CharterWelcomeCard.Build(team, charter))
            : null;
    }
}
