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
    // Each button of an item on the list (or a reminder) is one change, and says what it did.
    private static readonly ItemVerb Complete = new(
        ActionListCard.CompleteVerb, (member, _) => (new CompleteAction(member.Reader.Now), null), item => $"\"{item.Title}\" is completed. Well done!");

    private static readonly ItemVerb Reopen = new(
        ActionListCard.ReopenVerb, (_, _) => (new ReopenAction(), null), item => $"\"{item.Title}\" is open again.");

    private static readonly ItemVerb Reschedule = new(
        ActionListCard.RescheduleVerb,
        (member, click) => ActionForm.UnreadableDay(click.DueOn) is { } unreadable
            ? (null, unreadable)
            : (new RescheduleAction(ActionForm.ParseDay(click.DueOn)!.Value, member.Reader.Today) { TimeZoneId = member.ZoneId }, null),
        item => $"\"{item.Title}\" is now due {Observations.ObservationView.Day(item.DueOn)}.");

    private static readonly ItemVerb Reassign = new(
        ActionListCard.ReassignVerb,
        (member, click) => member.Reader.Roster.FirstOrDefault(m => m.MemberId == click.Owner) is { } owner
            ? (new ReassignAction(owner.MemberId, owner.Name) { TimeZoneId = member.ZoneId }, null)
            : (null, string.Join(' ', ActionRules.OwnerProblems(click.Owner ?? string.Empty, [.. member.Reader.Roster.Select(m => m.MemberId)]))),
        item => $"\"{item.Title}\" now belongs to {item.OwnerName ?? "its new owner"}.");

    /// <inheritdoc />
    public void DeclareRoutes(DialogRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Command(BotCommands.AddAction, OpenAddAsync)
            .Command(BotCommands.Actions, ShowListAsync)
            .Verb(AddActionCard.AddVerb, (turn, data, ct) => AsMemberAsync(turn, ActionCardData.ReadAdd(data), add => add.TeamId, AddAsync, ct))
            .Verb(AddActionCard.NewForIncidentVerb, (turn, data, ct) => AsMemberAsync(turn, ActionCardData.ReadIncident(data), click => click.TeamId, OpenForIncidentAsync, ct))
            .Verb(AddActionCard.NewForFactorVerb, (turn, data, ct) => AsMemberAsync(turn, ActionCardData.ReadFactor(data), click => click.TeamId, OpenForFactorAsync, ct));
        foreach (var verb in (ItemVerb[])[Complete, Reopen, Reassign, Reschedule])
        {
            routes.Verb(verb.Verb, (turn, data, ct) => AsMemberAsync(
                turn, ActionCardData.ReadItem(data), click => click.TeamId, (member, click, token) => ChangeAsync(member, verb, click, token), ct));
        }
    }

    private async Task OpenAddAsync(BotTurn turn, string argument, CancellationToken cancellationToken)
    {
        if (await CommandMemberAsync(turn, cancellationToken).ConfigureAwait(false) is { } member)
        {
            var form = ActionForm.Blank(member.Reader.MemberId, argument);
            await turn.ReplyAsync(AddActionCard.Build(member.Team, member.Reader.Roster, member.Reader.Today, form), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ShowListAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await CommandMemberAsync(turn, cancellationToken).ConfigureAwait(false) is { } member)
        {
            await turn.ReplyAsync(await ListAsync(member.Team, member.Reader, null, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
    }

    // A command acts on the team it was typed in (or the sender picks one): anyone who belongs to it.
    private async Task<TeamMember?> CommandMemberAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Member, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return null;
        }

        var roster = await messenger.GetRosterAsync(team, cancellationToken).ConfigureAwait(false);
        return new TeamMember(team, new ActionListReader(turn.MemberId, LocalCalendar.TodayOf(clock, turn), clock.GetUtcNow(), roster), IsLead: false, LocalCalendar.ZoneIdOf(turn.Sender));
    }

    // A card's click: its data must be readable, and the sender on the team it names.
    private async Task<AdaptiveCard> AsMemberAsync<T>(
        BotTurn turn, T? click, Func<T, string> teamOf, Func<TeamMember, T, CancellationToken, Task<AdaptiveCard>> act, CancellationToken cancellationToken)
        where T : class
    {
        if (click is null)
        {
            return Problem("This card can't be used", "Its data isn't what I sent, so nothing changed. Type actions to get a fresh list.");
        }

        var teamId = teamOf(click);
        var member = await MemberOfAsync(turn, teamId, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            Log.Refused(logger, teamId);
            return Problem("Nothing changed", "This card belongs to a team you're not a member of.");
        }

        return await act(member, click, cancellationToken).ConfigureAwait(false);
    }

    // The card names the team; the roster and the stored roles decide whether the sender belongs to it.
    private async Task<TeamMember?> MemberOfAsync(BotTurn turn, string teamId, CancellationToken cancellationToken)
    {
        var team = await teams.GetTeamAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return null;
        }

        var memberId = turn.MemberId;
        var roster = await messenger.GetRosterAsync(team, cancellationToken).ConfigureAwait(false);
        var isLead = await directory.LeadsAsync(memberId, teamId, cancellationToken).ConfigureAwait(false);
        var reader = new ActionListReader(memberId, LocalCalendar.TodayOf(clock, turn), clock.GetUtcNow(), roster);
        return isLead || roster.Any(m => m.MemberId == memberId) ? new TeamMember(team, reader, isLead, LocalCalendar.ZoneIdOf(turn.Sender)) : null;
    }

    // The summary's one tap: the factor picked, its suggested step as the title, owned by the sender; all of it editable.
    private static Task<AdaptiveCard> OpenForFactorAsync(TeamMember member, FactorClickData click, CancellationToken cancellationToken)
    {
        var suggestion = Domain.Summary.SuggestedActions.For(TrustFactors.Find(click.FactorId)!);
        var form = ActionForm.Blank(member.Reader.MemberId, suggestion) with { Factor = click.FactorId };
        return Task.FromResult(AddActionCard.Build(member.Team, member.Reader.Roster, member.Reader.Today, form));
    }

    // The add card opened for an incident: owned by the sender, on the first factor the incident hit.
    private async Task<AdaptiveCard> OpenForIncidentAsync(TeamMember member, IncidentClickData click, CancellationToken cancellationToken)
    {
        if (await IncidentToActOnAsync(member, click.IncidentId, cancellationToken).ConfigureAwait(false) is not { } incident)
        {
            return UnknownIncident();
        }

        var form = ActionForm.Blank(member.Reader.MemberId, string.Empty) with { Factor = incident.FactorIds[0] };
        return AddActionCard.Build(member.Team, member.Reader.Roster, member.Reader.Today, form, fromIncident: incident);
    }

    private async Task<AdaptiveCard> AddAsync(TeamMember member, AddActionData add, CancellationToken cancellationToken)
    {
        var incident = add.IncidentId is { } incidentId ? await IncidentToActOnAsync(member, incidentId, cancellationToken).ConfigureAwait(false) : null;
        if (add.IncidentId is not null && incident is null)
        {
            return UnknownIncident();
        }

        var check = add.Form.Check(member.Reader.Today, member.Reader.Roster);
        if (check.Draft is not { } draft)
        {
            return AddActionCard.Build(member.Team, member.Reader.Roster, member.Reader.Today, add.Form, check.Problems, incident);
        }

        var owner = member.Reader.Roster.First(m => m.MemberId == draft.OwnerId);
        var item = (draft with { IncidentId = incident?.Id }).ToItem(member.Team.Id, owner.Name, member.Reader.MemberId, member.Reader.Now, Guid.NewGuid(), member.ZoneId);
        await actions.AddAsync(item, cancellationToken).ConfigureAwait(false);
        await reminders.PlanAsync(item, cancellationToken).ConfigureAwait(false);
        Log.Added(logger, item.Id, item.TeamId);
        var added = NoticeCard.Build("Action added", $"\"{item.Title}\": {ActionView.Facts(item, incident?.Title)}. Type actions to see the team's list.");

        // A retrospective usually agrees on more than one step; the card it was opened from is gone now.
        return incident is null ? added : added with
        {
            Actions = [new ExecuteAction("Add another action for this incident", AddActionCard.NewForIncidentVerb) { Data = ActionCardData.ForIncident(member.Team.Id, incident.Id) }],
        };
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

    private static AdaptiveCard UnknownIncident() =>
        Problem("Nothing was added", "That incident isn't one this team is recovering from, so no action can come from it. Type add action to add one on its own.");

    private async Task<AdaptiveCard> ChangeAsync(TeamMember member, ItemVerb verb, ItemClickData click, CancellationToken cancellationToken)
    {
        var (change, unreadable) = verb.ChangeOf(member, click);
        if (change is null)
        {
            return await AnswerAsync(member, click, null, new ActionListNotice(unreadable!, IsProblem: true), cancellationToken).ConfigureAwait(false);
        }

        var update = await actions.UpdateAsync(member.Team.Id, click.ItemId, change, new ActionActor(member.Reader.MemberId, member.IsLead), cancellationToken).ConfigureAwait(false);
        if (update.Outcome == ActionUpdateOutcome.NotFound)
        {
            return Problem("Nothing changed", "That action item isn't one of this team's. Type actions to get a fresh list.");
        }

        Log.Changed(logger, verb.Verb, click.ItemId, member.Team.Id, update.Outcome);
        if (update.Outcome == ActionUpdateOutcome.Updated)
        {
            // A new date or owner gets reminders of its own; those planned before find the item changed and do nothing.
            await reminders.PlanAsync(update.Item!, cancellationToken).ConfigureAwait(false);
        }

        var notice = update.Outcome switch
        {
            ActionUpdateOutcome.Updated => new ActionListNotice(verb.Done(update.Item!), IsProblem: false),
            ActionUpdateOutcome.Refused => new ActionListNotice(update.Problem!, IsProblem: true),
            _ => new ActionListNotice($"Someone changed \"{update.Item!.Title}\" at the same moment, so your change was not saved. Here is how it stands now; try again if it's still needed.", IsProblem: true),
        };
        return await AnswerAsync(member, click, update.Item, notice, cancellationToken).ConfigureAwait(false);
    }

    // A click on a reminder updates the reminder; one on the list, the list.
    private async Task<AdaptiveCard> AnswerAsync(TeamMember member, ItemClickData click, ActionItem? item, ActionListNotice notice, CancellationToken cancellationToken)
    {
        if (click.FromReminder)
        {
            item ??= await actions.GetAsync(member.Team.Id, click.ItemId, cancellationToken).ConfigureAwait(false);
            return item is null
                ? Problem("Nothing changed", "That action item isn't one of this team's. Type actions to get a fresh list.")
                : ActionReminderCard.Updated(member.Team, item, notice, member.Reader.Today);
        }

        return await ListAsync(member.Team, member.Reader, notice, cancellationToken).ConfigureAwait(false);
    }

    // The incidents are read only when an item names one: most lists need one read, not two.
    private async Task<AdaptiveCard> ListAsync(Team team, ActionListReader reader, ActionListNotice? notice, CancellationToken cancellationToken)
    {
        var items = await actions.GetAllAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var named = items.Any(item => item.IncidentId is not null) ? await incidents.GetAllAsync(team.Id, cancellationToken).ConfigureAwait(false) : [];
        return ActionListCard.Build(team, items, reader, notice, named);
    }

    private static AdaptiveCard Problem(string title, string message) =>
        NoticeCard.Build(title, message, isProblem: true);

    private sealed record TeamMember(Team Team, ActionListReader Reader, bool IsLead, string? ZoneId);

    // A button on an item: the change it asks for (or why it can't be read), and how to say it was done.
    private sealed record ItemVerb(string Verb, Func<TeamMember, ItemClickData, (ActionChange? Change, string? Problem)> ChangeOf, Func<ActionItem, string> Done);

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
