using TrustBot.Cards;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;

namespace TrustBot.Recovery.Incidents;

/// <summary>
/// What a lead gets, 1:1, for an incident a member or an incident tool declared: the details, who
/// declared it, the plan's steps to choose from, and Accept / Dismiss. Once decided, the same card
/// shows where the incident stands. The verbs here are the leads' verbs on every incident card.
/// </summary>
public static class IncidentLeadCard
{
    /// <summary>A lead accepts an awaiting incident (data: teamId, incidentId; input <see cref="IncidentCardData.StepsInput"/>, all steps when absent).</summary>
    public const string AcceptVerb = "incident.accept";

    /// <summary>A lead dismisses an awaiting incident (data: teamId, incidentId).</summary>
    public const string DismissVerb = "incident.dismiss";

    /// <summary>A lead closes an active incident's recovery plan (data: teamId, incidentId).</summary>
    public const string CloseVerb = "incident.close";

    /// <summary>A lead keeps an active plan going after its baseline review: one more review a week later (data: teamId, incidentId).</summary>
    public const string KeepGoingVerb = "incident.keep";

    /// <summary>Builds the card.</summary>
    /// <param name="team">The incident's team (a lead may lead several).</param>
    /// <param name="incident">The incident, as it stands now.</param>
    /// <param name="now">The current time, for the plan's progress.</param>
    /// <param name="notice">What the last click did, shown on top.</param>
    public static AdaptiveCard Build(Team team, Incident incident, DateTimeOffset now, IncidentNotice? notice = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(incident);
        var awaiting = incident.State == IncidentState.AwaitingLead;
        List<CardElement> body =
        [
            CardBlocks.Heading(awaiting ? "An incident for you to decide on" : "Incident"),
            new TextBlock(team.Name is null ? "For your team" : $"Team: {team.Name}") { IsSubtle = true, Spacing = Spacing.None },
        ];
        if (notice is not null)
        {
            body.Add(notice.ToBlock());
        }

        body.Add(new TextBlock(incident.Title) { Weight = TextWeight.Bolder, Size = TextSize.Medium });
        body.Add(new TextBlock(incident.WhatHappened));
        body.Add(new TextBlock(IncidentView.Facts(incident)) { IsSubtle = true });
        body.Add(new TextBlock(IncidentView.Declared(incident)) { IsSubtle = true, Spacing = Spacing.None });
        if (!awaiting)
        {
            body.Add(new TextBlock(Decision(incident)) { Weight = TextWeight.Bolder, Separator = true });
            body.AddRange(IncidentView.Progress(incident, now));
            return new AdaptiveCard
            {
                Body = body,
                Actions = incident.State == IncidentState.Active
                    ? [new ExecuteAction("Close the plan", CloseVerb) { Data = IncidentCardData.ForIncident(team.Id, incident.Id, IncidentCardView.Lead) }]
                    : null,
            };
        }

        body.Add(StepChoice(IncidentCardData.StepsInput, incident.Visibility));
        body.Add(new TextBlock("Accepting starts the plan now. Dismiss it if it isn't a trust incident: nothing is sent to anyone.") { IsSubtle = true });
        var data = IncidentCardData.ForIncident(team.Id, incident.Id, IncidentCardView.Lead);
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction("Accept and start the plan", AcceptVerb) { Data = data, Style = ActionStyle.Positive },
                new ExecuteAction("Dismiss", DismissVerb) { Data = data, Style = ActionStyle.Destructive },
            ],
        };
    }

    /// <summary>The plan's steps to pick from, every one picked: the default plan.</summary>
    /// <param name="id">The input id.</param>
    /// <param name="visibility">The incident's visibility: a leads-only incident's channel steps go to the leads.</param>
    public static ChoiceSetInput StepChoice(string id, IncidentVisibility visibility) =>
        new(id, [.. RecoveryPlan.AllSteps.Select(step => new Choice(IncidentView.StepChoice(step, visibility), step.ToString()))])
        {
            Label = "The recovery plan: steps to run",
            Style = ChoiceInputStyle.Expanded,
            IsMultiSelect = true,
            Value = IncidentCardData.JoinChoices(RecoveryPlan.AllSteps.Select(step => step.ToString())),
            IsRequired = true,
            ErrorMessage = "Please pick at least one step.",
        };

    private static string Decision(Incident incident) => incident.State switch
    {
        IncidentState.Active => $"Accepted {CardText.LocalDateTime(incident.AcceptedAt!.Value)}: the recovery plan is running.",
        IncidentState.Dismissed => $"Dismissed {CardText.LocalDateTime(incident.ClosedAt!.Value)}.",
        _ => $"Recovery plan closed {CardText.LocalDateTime(incident.ClosedAt!.Value)}.",
    };
}
