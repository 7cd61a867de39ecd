using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Teams;

namespace TrustBot.Teams.Leads;

/// <summary>Who leads the team (the answer to <c>leads</c>), and what to do when nobody does.</summary>
public static class LeadsCard
{
    /// <summary>Builds the card.</summary>
    /// <param name="team">The team.</param>
    /// <param name="leads">Its leads on the stored roster.</param>
    /// <param name="senderLeads">Whether the person asking leads it (they are told how to add and remove leads).</param>
    public static AdaptiveCard Build(Team team, IReadOnlyList<RosterMember> leads, bool senderLeads)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(leads);
        List<CardElement> body = [CardBlocks.Heading(team.Name is null ? "Leads" : $"Leads of {team.Name}")];
        if (leads.Count == 0)
        {
            body.Add(new TextBlock(
                "Nobody leads this team in TrustBot now: its last lead left the team. Leads are never picked for a team, so until "
                + "someone installs TrustBot here again (it keeps the team's history, and whoever installs it becomes its lead), "
                + "pulses, the summary and incidents wait for a lead."));
            return new AdaptiveCard { Body = body };
        }

        body.Add(new FactSet([.. leads.OrderBy(m => m.Name ?? m.MemberId, StringComparer.CurrentCultureIgnoreCase).Select(m => new Fact("Lead", m.Name ?? "A member without a name"))]));
        body.Add(new TextBlock(senderLeads
            ? $"Type {BotCommands.AddLead.Text} to make a member a lead, or {BotCommands.RemoveLead.Text} to hand over. A team always keeps at least one lead."
            : "Leads start pulses, read the trust summary and handle incidents. Ask one of them if you should lead too.")
        {
            IsSubtle = true,
        });
        return new AdaptiveCard { Body = body };
    }
}
