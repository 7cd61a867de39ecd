using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;

namespace TrustBot.Recovery.Incidents;

/// <summary>
/// A team's incidents, newest first, with where each stands and how far its recovery plan got. The
/// whole team sees accepted incidents meant for the whole team; a lead, in their 1:1 chat, sees every
/// incident, with Accept / Dismiss for those waiting and "Close the plan" for those running.
/// </summary>
public static class IncidentListCard
{
    /// <summary>The most incidents listed: each carries its own buttons and plan, and Teams refuses cards over about 28 KB.</summary>
    public const int MaxListed = 10;

    /// <summary>Builds the card.</summary>
    /// <param name="team">The team.</param>
    /// <param name="incidents">All of the team's incidents, newest first.</param>
    /// <param name="audience">Who may see the card: a lead alone, or anyone on the team.</param>
    /// <param name="now">The current time, for the plans' progress.</param>
    /// <param name="notice">What the last click did, shown on top.</param>
    public static AdaptiveCard Build(Team team, IReadOnlyList<Incident> incidents, IncidentListAudience audience, DateTimeOffset now, IncidentNotice? notice = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(incidents);
        List<CardElement> body = [CardBlocks.Heading(team.Name is null ? "Incidents" : $"Incidents: {team.Name}")];
        if (notice is not null)
        {
            body.Add(notice.ToBlock());
        }

        var shown = incidents.Where(incident => IsShownTo(incident, audience)).ToList();
        body.Add(new TextBlock(shown.Count == 0
            ? $"No incidents to show. Type {BotCommands.Incident.Text} to declare one."
            : "Newest first.")
        { IsSubtle = true });
        body.AddRange(shown.Take(MaxListed).Select(incident => Entry(team.Id, incident, audience, now)));
        if (shown.Count > MaxListed)
        {
            body.Add(new TextBlock($"And {shown.Count - MaxListed} older.") { IsSubtle = true });
        }

        if (audience == IncidentListAudience.Team)
        {
            body.Add(new TextBlock($"Leads: incidents waiting for a decision or meant for leads only are listed when you type {BotCommands.Incidents.Text} in your 1:1 chat with me.") { IsSubtle = true, Separator = true });
        }

        return new AdaptiveCard { Body = body };
    }

    /// <summary>
    /// Whether the audience may see the incident: leads (alone) see all; the team sees accepted
    /// incidents meant for it, never one still waiting for a lead or one for leads only.
    /// </summary>
    public static bool IsShownTo(Incident incident, IncidentListAudience audience)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return audience == IncidentListAudience.Leads
            || (incident.Visibility == IncidentVisibility.Team && incident.State is IncidentState.Active or IncidentState.Closed);
    }

    private static Container Entry(string teamId, Incident incident, IncidentListAudience audience, DateTimeOffset now)
    {
        List<CardElement> lines =
        [
            new TextBlock(incident.Title) { Weight = TextWeight.Bolder },
            new TextBlock(IncidentView.Facts(incident)) { IsSubtle = true, Spacing = Spacing.None },
        ];
        if (audience == IncidentListAudience.Leads)
        {
            // Who declared it is for the leads: the team hears about the incident, not about who raised it.
            lines.Add(new TextBlock(IncidentView.Declared(incident)) { IsSubtle = true, Spacing = Spacing.None });
        }

        lines.Add(new TextBlock(IncidentView.State(incident.State)) { Spacing = Spacing.Small, Color = incident.State == IncidentState.AwaitingLead ? TextColor.Warning : null });
        lines.AddRange(IncidentView.Progress(incident, now));
        if (audience == IncidentListAudience.Leads && LeadButtons(teamId, incident) is { Count: > 0 } buttons)
        {
            lines.Add(new ActionSet(buttons));
        }

        return new Container(lines) { Separator = true };
    }

    private static List<CardAction> LeadButtons(string teamId, Incident incident)
    {
        var data = IncidentCardData.ForIncident(teamId, incident.Id, IncidentCardView.List);
        return incident.State switch
        {
            IncidentState.AwaitingLead =>
            [
                new ShowCardAction("Accept…", new AdaptiveCard
                {
                    Body = [IncidentLeadCard.StepChoice(IncidentCardData.StepsInputFor(incident.Id), incident.Visibility)],
                    Actions = [new ExecuteAction("Accept and start the plan", IncidentLeadCard.AcceptVerb) { Data = data, Style = ActionStyle.Positive }],
                }),
                new ExecuteAction("Dismiss", IncidentLeadCard.DismissVerb) { Data = data, Style = ActionStyle.Destructive },
            ],
            IncidentState.Active => [new ExecuteAction("Close the plan", IncidentLeadCard.CloseVerb) { Data = data }],
            _ => [],
        };
    }
}

/// <summary>Who may see a list of incidents.</summary>
public enum IncidentListAudience
{
    /// <summary>Anyone on the team: a channel, a group chat, or a member's 1:1 chat.</summary>
    Team,

    /// <summary>A lead, in their 1:1 chat.</summary>
    Leads,
}

/// <summary>A message on top of an incident card: what the last click did, or why it did nothing.</summary>
/// <param name="Text">The message.</param>
/// <param name="IsProblem">Whether it explains a refusal.</param>
public sealed record IncidentNotice(string Text, bool IsProblem)
{
    /// <summary>The message as the cards show it: a refusal in red, anything else highlighted.</summary>
    public CardElement ToBlock() =>
        IsProblem ? CardBlocks.Problems(Text) : new Container([new TextBlock(Text)]) { Style = ContainerStyle.Emphasis };
}
