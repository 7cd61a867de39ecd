using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;
using TrustBot.Teams;

namespace TrustBot.Actions;

/// <summary>
/// Stage 4: members add action items with an owner, a due date and the factor they address, and
/// work through the team's list: complete, reopen, reassign, reschedule. Owners change their own
/// items, leads any of the team's. After an incident, "add an action for this incident" opens the
/// add card for the incident, and the item keeps the link.
/// </summary>
public sealed partial class ActionsDialog(
    TeamDirectory directory,
    ITeamStore teams,
    ITeamsMessenger messenger,
    IActionItemStore actions,
    IIncidentStore incidents,
    ActionReminderPlanner reminders,
    TimeProvider clock,
    ILogger<ActionsDialog> logger) : IDialog
{
    /// <inheritdoc />
    public IReadOnlyList<BotCommand> Commands => [BotCommands.AddAction, BotCommands.Actions];

    /// <inheritdoc />
    public IReadOnlyList<string> Verbs =>
        [AddActionCard.AddVerb, AddActionCard.NewForIncidentVerb, AddActionCard.NewForFactorVerb, ActionListCard.CompleteVerb, ActionListCard.ReopenVerb, ActionListCard.ReassignVerb, ActionListCard.RescheduleVerb];

    /// <inheritdoc />
    public async Task OnCommandAsync(ITurnContext<IMessageActivity> turn, BotCommand command, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await directory.TeamForCommandAsync(turn, TeamRole.Member, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var memberId = ActivityIdentity.MemberIdOf(turn.Activity);
        var roster = await messenger.GetRosterAsync(team, cancellationToken).ConfigureAwait(false);
        var today = LocalCalendar.TodayOf(clock, turn.Activity);
        var card = command == BotCommands.AddAction
            ? AddActionCard.Build(team, roster, today, ActionForm.Blank(memberId, argument))
            : await ListAsync(team, new ActionListReader(memberId, today, clock.GetUtcNow(), roster), null, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(MessageFactory.Attachment(card.ToAttachment()), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AdaptiveCardInvokeResponse> OnVerbAsync(ITurnContext<IInvokeActivity> turn, AdaptiveCardInvokeValue invoke, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(invoke);
        var verb = invoke.Action?.Verb;
        var data = invoke.Action?.Data;
        var teamId = verb switch
        {
            AddActionCard.AddVerb => ActionCardData.ReadAdd(data)?.TeamId,
            AddActionCard.NewForIncidentVerb => ActionCardData.ReadIncident(data)?.TeamId,
            AddActionCard.NewForFactorVerb => ActionCardData.ReadFactor(data)?.TeamId,
            _ => ActionCardData.ReadItem(data)?.TeamId,
        };
        if (teamId is null)
        {
            return Problem("This card can't be used", "Its data isn't what I sent, so nothing changed. Type actions to get a fresh list.");
        }

        var member = await MemberOfAsync(turn.Activity, teamId, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            Log.Refused(logger, teamId);
            return Problem("Nothing changed", "This card belongs to a team you're not a member of.");
        }

        return verb switch
        {
            AddActionCard.AddVerb => await AddAsync(member, ActionCardData.ReadAdd(data)!, cancellationToken).ConfigureAwait(false),
            AddActionCard.NewForIncidentVerb => await OpenForIncidentAsync(member, ActionCardData.ReadIncident(data)!.IncidentId, cancellationToken).ConfigureAwait(false),
            AddActionCard.NewForFactorVerb => OpenForFactor(member, ActionCardData.ReadFactor(data)!.FactorId),
            _ => await ChangeAsync(member, verb!, ActionCardData.ReadItem(data)!, cancellationToken).ConfigureAwait(false),
        };
    }

    // The card names the team; the roster and the stored roles decide whether the sender belongs to it.
    private async Task<TeamMember?> MemberOfAsync(IActivity activity, string teamId, CancellationToken cancellationToken)
    {
        var team = await teams.GetTeamAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return null;
        }

        var memberId = ActivityIdentity.MemberIdOf(activity);
        var roster = await messenger.GetRosterAsync(team, cancellationToken).ConfigureAwait(false);
        var isLead = await directory.LeadsAsync(memberId, teamId, cancellationToken).ConfigureAwait(false);
        var reader = new ActionListReader(memberId, LocalCalendar.TodayOf(clock, activity), clock.GetUtcNow(), roster);
        return isLead || roster.Any(m => m.MemberId == memberId) ? new TeamMember(team, reader, isLead, LocalCalendar.ZoneIdOf(activity)) : null;
    }

    // The summary's one tap: the factor picked, its suggested step as the title, owned by the sender; all of it editable.
    private static AdaptiveCardInvokeResponse OpenForFactor(TeamMember member, string factorId)
    {
        var suggestion = Domain.Summary.SuggestedActions.For(TrustFactors.Find(factorId)!);
        var form = ActionForm.Blank(member.Reader.MemberId, suggestion) with { Factor = factorId };
        return AddActionCard.Build(member.Team, member.Reader.Roster, member.Reader.Today, form).ToInvokeResponse();
    }

    // The add card opened for an incident: owned by the sender, on the first factor the incident hit.
    private async Task<AdaptiveCardInvokeResponse> OpenForIncidentAsync(TeamMember member, string incidentId, CancellationToken cancellationToken)
    {
        if (await IncidentToActOnAsync(member, incidentId, cancellationToken).ConfigureAwait(false) is not { } incident)
        {
            return UnknownIncident();
        }

        var form = ActionForm.Blank(member.Reader.MemberId, string.Empty) with { Factor = incident.FactorIds[0] };
        return AddActionCard.Build(member.Team, member.Reader.Roster, member.Reader.Today, form, fromIncident: incident).ToInvokeResponse();
    }

    private async Task<AdaptiveCardInvokeResponse> AddAsync(TeamMember member, AddActionData add, CancellationToken cancellationToken)
    {
        var incident = add.IncidentId is { } incidentId ? await IncidentToActOnAsync(member, incidentId, cancellationToken).ConfigureAwait(false) : null;
        if (add.IncidentId is not null && incident is null)
        {
            return UnknownIncident();
        }

        var check = add.Form.Check(member.Reader.Today, member.Reader.Roster);
        if (check.Draft is not { } draft)
        {
            return AddActionCard.Build(member.Team, member.Reader.Roster, member.Reader.Today, add.Form, check.Problems, incident).ToInvokeResponse();
        }

        var owner = member.Reader.Roster.First(m => m.MemberId == draft.OwnerId);
        var item = (draft with { IncidentId = incident?.Id }).ToItem(member.Team.Id, owner.Name, member.Reader.MemberId, member.Reader.Now, Guid.NewGuid(), member.ZoneId);
        await actions.AddAsync(item, cancellationToken).ConfigureAwait(false);
        await reminders.PlanAsync(item, cancellationToken).ConfigureAwait(false);
        Log.Added(logger, item.Id, item.TeamId);
        var added = NoticeCard.Build("Action added", $"\"{item.Title}\": {ActionView.Facts(item, incident?.Title)}. Type actions to see the team's list.");

        // A retrospective usually agrees on more than one step; the card it was opened from is gone now.
        return (incident is null ? added : added with
        {
            Actions = [new ExecuteAction("Add another action for this incident", AddActionCard.NewForIncidentVerb) { Data = ActionCardData.ForIncident(member.Team.Id, incident.Id) }],
        }).ToInvokeResponse();
    }

    /// <summary>
    /// The team's incident an item may come from: one whose recovery plan started (so not one a lead
    /// dismissed or has not accepted yet), and a leads-only one only for a lead. Null otherwise, and
    /// for an id that is not the team's, so a card edited to name another team's incident learns nothing.
    /// </summary>
    private async Task<Incident?> IncidentToActOnAsync(TeamMember member, string incidentId, CancellationToken cancellationToken)
    {
        var incident = await incidents.GetAsync(member.Team.Id, incidentId, cancellationToken).ConfigureAwait(false);
        if (incident is { AcceptedAt: not null } && (incident.Visibility == IncidentVisibility.Team || member.IsLead))
        {
            return incident;
        }

        Log.IncidentRefused(logger, incidentId, member.Team.Id);
        return null;
    }

    private static AdaptiveCardInvokeResponse UnknownIncident() =>
        Problem("Nothing was added", "That incident isn't one this team is recovering from, so no action can come from it. Type add action to add one on its own.");

    private async Task<AdaptiveCardInvokeResponse> ChangeAsync(TeamMember member, string verb, ItemClickData click, CancellationToken cancellationToken)
    {
        var (change, unreadable) = ChangeOf(member, verb, click);
        if (change is null)
        {
            return await AnswerAsync(member, click, null, new ActionListNotice(unreadable!, IsProblem: true), cancellationToken).ConfigureAwait(false);
        }

        var update = await actions.UpdateAsync(member.Team.Id, click.ItemId, change, new ActionActor(member.Reader.MemberId, member.IsLead), cancellationToken).ConfigureAwait(false);
        if (update.Outcome == ActionUpdateOutcome.NotFound)
        {
            return Problem("Nothing changed", "That action item isn't one of this team's. Type actions to get a fresh list.");
        }

        Log.Changed(logger, verb, click.ItemId, member.Team.Id, update.Outcome);
        if (update.Outcome == ActionUpdateOutcome.Updated)
        {
            // A new date or owner gets reminders of its own; those planned before find the item changed and do nothing.
            await reminders.PlanAsync(update.Item!, cancellationToken).ConfigureAwait(false);
        }

        var notice = update.Outcome switch
        {
            ActionUpdateOutcome.Updated => new ActionListNotice(Done(verb, update.Item!), IsProblem: false),
            ActionUpdateOutcome.Refused => new ActionListNotice(update.Problem!, IsProblem: true),
            _ => new ActionListNotice($"Someone changed \"{update.Item!.Title}\" at the same moment, so your change was not saved. Here is how it stands now; try again if it's still needed.", IsProblem: true),
        };
        return await AnswerAsync(member, click, update.Item, notice, cancellationToken).ConfigureAwait(false);
    }

    // A click on a reminder updates the reminder; one on the list, the list.
    private async Task<AdaptiveCardInvokeResponse> AnswerAsync(TeamMember member, ItemClickData click, ActionItem? item, ActionListNotice notice, CancellationToken cancellationToken)
    {
        if (click.FromReminder)
        {
            item ??= await actions.GetAsync(member.Team.Id, click.ItemId, cancellationToken).ConfigureAwait(false);
            return item is null
                ? Problem("Nothing changed", "That action item isn't one of this team's. Type actions to get a fresh list.")
                : ActionReminderCard.Updated(member.Team, item, notice, member.Reader.Today).ToInvokeResponse();
        }

        return (await ListAsync(member.Team, member.Reader, notice, cancellationToken).ConfigureAwait(false)).ToInvokeResponse();
    }

    private static (ActionChange? Change, string? Problem) ChangeOf(TeamMember member, string verb, ItemClickData click)
    {
        switch (verb)
        {
            case ActionListCard.CompleteVerb:
                return (new CompleteAction(member.Reader.Now), null);
            case ActionListCard.ReopenVerb:
                return (new ReopenAction(), null);
            case ActionListCard.RescheduleVerb:
                return ActionForm.UnreadableDay(click.DueOn) is { } unreadable
                    ? (null, unreadable)
                    : (new RescheduleAction(ActionForm.ParseDay(click.DueOn)!.Value, member.Reader.Today) { TimeZoneId = member.ZoneId }, null);
            default:
                var owner = member.Reader.Roster.FirstOrDefault(m => m.MemberId == click.Owner);
                return owner is null
                    ? (null, string.Join(' ', ActionRules.OwnerProblems(click.Owner ?? string.Empty, [.. member.Reader.Roster.Select(m => m.MemberId)])))
                    : (new ReassignAction(owner.MemberId, owner.Name) { TimeZoneId = member.ZoneId }, null);
        }
    }

    private static string Done(string verb, ActionItem item) => verb switch
    {
        ActionListCard.CompleteVerb => $"\"{item.Title}\" is completed. Well done!",
        ActionListCard.ReopenVerb => $"\"{item.Title}\" is open again.",
        ActionListCard.RescheduleVerb => $"\"{item.Title}\" is now due {Observations.ObservationView.Day(item.DueOn)}.",
        _ => $"\"{item.Title}\" now belongs to {item.OwnerName ?? "its new owner"}.",
    };

    // The incidents are read only when an item names one: most lists need one read, not two.
    private async Task<AdaptiveCard> ListAsync(Team team, ActionListReader reader, ActionListNotice? notice, CancellationToken cancellationToken)
    {
        var items = await actions.GetAllAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var named = items.Any(item => item.IncidentId is not null) ? await incidents.GetAllAsync(team.Id, cancellationToken).ConfigureAwait(false) : [];
        return ActionListCard.Build(team, items, reader, notice, named);
    }

    private static AdaptiveCardInvokeResponse Problem(string title, string message) =>
        NoticeCard.Build(title, message, isProblem: true).ToInvokeResponse();

    private sealed record TeamMember(Team Team, ActionListReader Reader, bool IsLead, string? ZoneId);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Action item {ItemId} was added for team {TeamId}")]
        public static partial void Added(ILogger logger, string itemId, string teamId);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Verb} on action item {ItemId} of team {TeamId}: {Outcome}")]
        public static partial void Changed(ILogger logger, string verb, string itemId, string teamId, ActionUpdateOutcome outcome);

        [LoggerMessage(Level = LogLevel.Warning, Message = "An action card for team {TeamId} was refused: the sender is not on that team")]
        public static partial void Refused(ILogger logger, string teamId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "An action card naming incident {IncidentId} was refused: team {TeamId} has no such incident the sender may act on")]
        public static partial void IncidentRefused(ILogger logger, string incidentId, string teamId);
    }
}
