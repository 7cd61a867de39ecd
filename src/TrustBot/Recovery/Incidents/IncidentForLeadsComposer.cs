using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;

namespace TrustBot.Recovery.Incidents;

/// <summary>
/// Writes the card that brings a lead an incident a member or an incident tool declared; nothing
/// once the incident is no longer waiting (another lead accepted or dismissed it meanwhile).
/// </summary>
public sealed class IncidentForLeadsComposer(IIncidentStore incidents, TimeProvider clock) : IDeliveryComposer
{
    /// <inheritdoc />
    public IReadOnlyCollection<DeliveryKind> Kinds => [DeliveryKind.IncidentForLeads];

    /// <inheritdoc />
    public async Task<CardMessage?> ComposeAsync(DeliveryRequest request, Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(team);
        var incident = IncidentIds.IsWellFormed(request.Subject)
            ? await incidents.GetAsync(request.TeamId, request.Subject, cancellationToken).ConfigureAwait(false)
            : null;
        return incident?.State == IncidentState.AwaitingLead
            ? new CardMessage(IncidentLeadCard.Build(team, incident, clock.GetUtcNow()))
            : null;
    }
}
