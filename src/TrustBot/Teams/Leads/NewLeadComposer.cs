using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;

namespace TrustBot.Teams.Leads;

/// <summary>
/// Tells a member in their 1:1 chat that they were made a lead, and what leads do; nothing when
/// they no longer lead by the time it is sent (removed again meanwhile).
/// </summary>
public sealed class NewLeadComposer(TeamDirectory directory) : IDeliveryComposer
{
    /// <inheritdoc />
    public IReadOnlyCollection<DeliveryKind> Kinds => [DeliveryKind.NewLead];

    /// <inheritdoc />
    public async Task<CardMessage?> ComposeAsync(DeliveryRequest request, Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(team);
        if (request.Recipient is not { } recipient || !await directory.LeadsAsync(recipient.MemberId, team.Id, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var card = NoticeCard.Build(
            $"You now lead {team.Name ?? "your team"} in TrustBot",
            $"Leads start pulses ({BotCommands.StartPulse.Text}), read the trust {BotCommands.Summary.Text} with its anonymous comments, log observations and handle incidents. "
            + $"Type {BotCommands.Leads.Text} to see who else leads, or {BotCommands.Help.Text} for everything I can do.");
        return card;
    }
}
