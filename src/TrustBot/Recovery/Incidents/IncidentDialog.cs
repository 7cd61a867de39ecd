using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;
using TrustBot.Teams;

namespace TrustBot.Recovery.Incidents;

/// <summary>
/// Stage 5: anyone on the team declares an incident that cost it trust; a lead's starts its
/// recovery plan at once, anyone else's goes to the leads, who accept it (choosing the plan's steps)
/// or dismiss it. Everyone lists the incidents meant for the whole team; leads, in their 1:1 chat,
/// list all of them and decide there, and close a plan when trust is back.
/// </summary>
public sealed partial class IncidentDialog(
    TeamDirectory directory,
    ITeamStore teams,
    ITeamsMessenger messenger,
    IIncidentStore incidents,
    IncidentService service,
    TimeProvider clock,
    ILogger<IncidentDialog> logger) : IDialog
{
    // A lead's decision on an incident: what the service does, and what the card then says.
    private static readonly LeadDecision Accept = new(
        IncidentLeadCard.AcceptVerb,
        (recovery, sender, click, ct) => recovery.AcceptAsync(sender.Team, click.IncidentId, click.Steps ?? RecoveryPlan.AllSteps, sender.MemberId, ct),
        update => $"Accepted \"{update.Incident!.Title}\": its recovery plan starts now.");

    private static readonly LeadDecision Dismiss = new(
        IncidentLeadCard.DismissVerb,
        (recovery, sender, click, ct) => recovery.DismissAsync(sender.Team, click.IncidentId, sender.MemberId, ct),
        update => $"Dismissed \"{update.Incident!.Title}\": there is no recovery plan, and nothing is sent about it.");

    private static readonly LeadDecision Close = new(
        IncidentLeadCard.CloseVerb,
        (recovery, sender, click, ct) => recovery.CloseAsync(sender.Team, click.IncidentId, sender.MemberId, ct),
        update => $"Closed the recovery plan of \"{update.Incident!.Title}\": its remaining nudges won't be sent.");

    private static readonly LeadDecision KeepGoing = new(
        IncidentLeadCard.KeepGoingVerb,
        (recovery, sender, click, ct) => recovery.KeepGoingAsync(sender.Team, click.IncidentId, sender.MemberId, ct),
        update => $"The recovery plan of \"{update.Incident!.Title}\" keeps going: I'll bring the leads another baseline review {CardText.LocalDateTime(update.NextReviewAt!.Value)}.");

    /// <inheritdoc />
    public void DeclareRoutes(DialogRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Command(BotCommands.Incident, OpenFormAsync)
            .Command(BotCommands.Incidents, ShowListAsync)
            .Verb(IncidentCard.DeclareVerb, (turn, data, ct) => DeclareAsync(turn, IncidentCardData.ReadDeclare(data), ct))
            .Verb(Accept.Verb, (turn, data, ct) => AsLeadAsync(
                turn, Accept, IncidentCardData.ReadClick(data), (lead, click, token) => AcceptAsync(turn, lead, click, token), ct));
        foreach (var decision in (LeadDecision[])[Dismiss, Close, KeepGoing])
        {
            routes.Verb(decision.Verb, (turn, data, ct) => AsLeadAsync(
                turn, decision, IncidentCardData.ReadClick(data), (lead, click, token) => DecideAsync(turn, lead, click, decision, token), ct));
        }
    }

    private async Task OpenFormAsync(BotTurn turn, string argument, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Member, cancellationToken).ConfigureAwait(false) is { } team)
        {
            await turn.ReplyAsync(IncidentCard.Build(team, IncidentForm.Blank(argument, LocalNow(turn))), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ShowListAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Member, cancellationToken).ConfigureAwait(false) is { } team)
        {
            await turn.ReplyAsync(await ListAsync(team, turn, null, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AdaptiveCard> DeclareAsync(BotTurn turn, DeclareData? data, CancellationToken cancellationToken)
    {
        if (data is null)
        {
            return CannotBeUsed($"Type {BotCommands.Incident.Text} to get a fresh form.");
        }

        if (await SenderAsync(turn, data.TeamId, cancellationToken).ConfigureAwait(false) is not { } sender)
        {
            return NotOnTeam(data.TeamId);
        }

        var shared = turn.Scope != ConversationScope.Personal;
        var check = data.Form.Check(LocalNow(turn));
        if (check.Draft is not { } draft)
        {
            return Refused(sender.Team, data.Form, check.Problems, shared);
        }

        var declaration = await service.DeclareAsync(
            sender.Team, draft, sender.IsLead ? IncidentSource.Lead : IncidentSource.Member, sender.MemberId, sender.Name, cancellationToken).ConfigureAwait(false);
        if (declaration.Incident is not { } incident)
        {
            return Refused(sender.Team, data.Form, declaration.Problems, shared);
        }

        return Confirmation(incident, declaration.LeadsAsked, shared);
    }

    // In a channel or group chat everyone sees the reply: a leads-only incident is confirmed there without its details.
    private static AdaptiveCard Confirmation(Incident incident, int leadsAsked, bool shared)
    {
        var leadsOnly = incident.Visibility == IncidentVisibility.LeadsOnly;
        var named = shared && leadsOnly ? "The incident" : $"\"{incident.Title}\"";
        if (incident.State == IncidentState.Active)
        {
            return NoticeCard.Build("Incident declared; the recovery plan starts now", leadsOnly
                ? $"{named} is for leads only: its nudges go to the leads 1:1, and nothing about it is posted to the channel. Type {BotCommands.Incidents.Text} in your 1:1 chat with me to follow it or close its plan."
                : $"{named} is acknowledged in the channel now; the retrospective prompt, the recovery pulse and the follow-ups come over the next two weeks. Type {BotCommands.Incidents.Text} to follow it.");
        }

        return NoticeCard.Build("Thanks — the leads will decide", leadsAsked > 0
            ? $"{named} went to the team's leads, who decide whether to start a recovery plan for it."
            : $"{named} is recorded, but no lead could be reached just now; they will find it when they list the team's incidents.");
    }

    // The form again, with what was wrong. In a shared chat a leads-only form is not echoed back: everyone there would see it.
    private static AdaptiveCard Refused(Team team, IncidentForm form, IReadOnlyList<string> problems, bool shared) =>
        shared && form.IsForLeadsOnly
            ? IncidentCard.Build(team, form with { Title = null, WhatHappened = null },
                [.. problems, "What you wrote isn't shown again here, since everyone in this chat would see it and the incident is for leads only. Please write it again, or declare it in your 1:1 chat with me."])
            : IncidentCard.Build(team, form, problems);

    // A click on a lead's button: the card must be readable, and the sender on the team it names and one of its leads.
    private async Task<AdaptiveCard> AsLeadAsync(
        BotTurn turn, LeadDecision decision, IncidentClickData? click, Func<Sender, IncidentClickData, CancellationToken, Task<AdaptiveCard>> decide, CancellationToken cancellationToken)
    {
        if (click is null)
        {
            return CannotBeUsed($"Type {BotCommands.Incidents.Text} to get a fresh list.");
        }

        if (await SenderAsync(turn, click.TeamId, cancellationToken).ConfigureAwait(false) is not { } sender)
        {
            return NotOnTeam(click.TeamId);
        }

        if (!sender.IsLead)
        {
            Log.NotLead(logger, decision.Verb, click.TeamId);
            return Problem("Nothing changed", "Only a lead of the team can accept or dismiss an incident, or close or extend its recovery plan.");
        }

        return await decide(sender, click, cancellationToken).ConfigureAwait(false);
    }

    // Accepting checks the recovery steps the lead kept before anything changes.
    private async Task<AdaptiveCard> AcceptAsync(BotTurn turn, Sender lead, IncidentClickData click, CancellationToken cancellationToken)
    {
        if (IncidentRules.StepProblems(click.Steps ?? RecoveryPlan.AllSteps).ToList() is { Count: > 0 } problems)
        {
            var current = await incidents.GetAsync(lead.Team.Id, click.IncidentId, cancellationToken).ConfigureAwait(false);
            var unchanged = new IncidentUpdate(current is null ? IncidentUpdateOutcome.NotFound : IncidentUpdateOutcome.Refused, current);
            return await ReplyAsync(turn, lead, click, unchanged, string.Join(' ', problems), cancellationToken).ConfigureAwait(false);
        }

        return await DecideAsync(turn, lead, click, Accept, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> DecideAsync(BotTurn turn, Sender lead, IncidentClickData click, LeadDecision decision, CancellationToken cancellationToken)
    {
        var update = await decision.Apply(service, lead, click, cancellationToken).ConfigureAwait(false);
        return await ReplyAsync(turn, lead, click, update, update.Outcome == IncidentUpdateOutcome.Updated ? decision.Done(update) : Unchanged(update.Incident), cancellationToken).ConfigureAwait(false);
    }

    // The card clicked, redrawn as the incident now stands with the message on top; a button on another card gets the message alone.
    private async Task<AdaptiveCard> ReplyAsync(
        BotTurn turn, Sender sender, IncidentClickData click, IncidentUpdate update, string message, CancellationToken cancellationToken)
    {
        switch (update.Outcome)
        {
            case IncidentUpdateOutcome.NotFound:
                return Problem("Nothing changed", $"That incident isn't one of this team's. Type {BotCommands.Incidents.Text} to get a fresh list.");
            case IncidentUpdateOutcome.NotLead:
                return Problem("Nothing changed", "Only a lead of the team can do that.");
        }

        var notice = new IncidentNotice(message, IsProblem: update.Outcome != IncidentUpdateOutcome.Updated);
        return click.View switch
        {
            IncidentCardView.Lead => IncidentLeadCard.Build(sender.Team, update.Incident!, clock.GetUtcNow(), notice),
            IncidentCardView.List => await ListAsync(sender.Team, turn, notice, cancellationToken).ConfigureAwait(false),
            _ => NoticeCard.Build(notice.IsProblem ? "Nothing changed" : "Done", message, notice.IsProblem),
        };
    }

    private static string Unchanged(Incident? incident) => incident?.State switch
    {
        IncidentState.AwaitingLead => "Nothing changed: this incident is still waiting for a lead to accept or dismiss it.",
        IncidentState.Active => "Nothing changed: this incident was already accepted, and its recovery plan is running.",
        IncidentState.Dismissed => "Nothing changed: this incident was already dismissed.",
        _ => "Nothing changed: this incident's recovery plan was already closed.",
    };

    // Leads see every incident only where no one else can read along: their 1:1 chat.
    private async Task<AdaptiveCard> ListAsync(Team team, BotTurn turn, IncidentNotice? notice, CancellationToken cancellationToken)
    {
        var audience = turn.Scope == ConversationScope.Personal
            && await directory.LeadsAsync(turn.MemberId, team.Id, cancellationToken).ConfigureAwait(false)
                ? IncidentListAudience.Leads
                : IncidentListAudience.Team;
        var all = await incidents.GetAllAsync(team.Id, cancellationToken).ConfigureAwait(false);
        return IncidentListCard.Build(team, all, audience, clock.GetUtcNow(), notice);
    }

    // The card names the team; the roster and the stored roles decide whether the sender belongs to it.
    private async Task<Sender?> SenderAsync(BotTurn turn, string teamId, CancellationToken cancellationToken)
    {
        if (await teams.GetTeamAsync(teamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return null;
        }

        var memberId = turn.MemberId;
        var isLead = await directory.LeadsAsync(memberId, teamId, cancellationToken).ConfigureAwait(false);
        var onRoster = (await messenger.GetRosterAsync(team, cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.MemberId == memberId);
        return isLead || onRoster is not null ? new Sender(team, memberId, onRoster?.Name ?? turn.Sender.Name, isLead) : null;
    }

    // Teams sends the sender's local time with each activity; its offset places the day and time they
    // write. Without it, UTC is the best guess.
    private DateTimeOffset LocalNow(BotTurn turn) =>
        turn.Sender.LocalTimestamp is { } stamp ? clock.GetUtcNow().ToOffset(stamp.Offset) : clock.GetUtcNow();

    private AdaptiveCard NotOnTeam(string teamId)
    {
        Log.Refused(logger, teamId);
        return Problem("Nothing changed", "This card belongs to a team you're not a member of.");
    }

    private static AdaptiveCard CannotBeUsed(string next) =>
        Problem("This card can't be used", $"Its data isn't what I sent, so nothing changed. {next}");

    private static AdaptiveCard Problem(string title, string message) =>
        NoticeCard.Build(title, message, isProblem: true);

    private sealed record Sender(Team Team, string MemberId, string? Name, bool IsLead);

    private sealed record LeadDecision(
        string Verb, Func<IncidentService, Sender, IncidentClickData, CancellationToken, Task<IncidentUpdate>> Apply, Func<IncidentUpdate, string> Done);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "An incident card for team {TeamId} was refused: the sender is not on that team")]
        public static partial void Refused(ILogger logger, string teamId);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Verb} for team {TeamId} was refused: the sender does not lead it")]
        public static partial void NotLead(ILogger logger, string verb, string teamId);
    }
}
