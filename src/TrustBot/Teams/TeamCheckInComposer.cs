using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;

namespace TrustBot.Teams;

/// <summary>Writes the check-in suggestion to a lead, with what changed as it stands when it is sent.</summary>
public sealed class TeamCheckInComposer(TeamChanges changes) : IDeliveryComposer
{
    /// <inheritdoc />
    public IReadOnlyCollection<DeliveryKind> Kinds => [DeliveryKind.TeamCheckIn];

    /// <inheritdoc />
    public async Task<CardMessage?> ComposeAsync(DeliveryRequest request, Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(team);
        var assessment = await changes.AssessAsync(team.Id, cancellationToken).ConfigureAwait(false);
        return TeamCheckInCard.Build(team, assessment);
    }
}
