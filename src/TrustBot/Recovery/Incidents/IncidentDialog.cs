using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
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
    /// <inheritdoc />
    public IReadOnlyList<BotCommand> Commands => [BotCommands.Incident, BotCommands.Incidents];

    /// <inheritdoc />
    public IReadOnlyList<string> Verbs =>
        [IncidentCard.DeclareVerb, IncidentLeadCard.AcceptVerb, IncidentLeadCard.DismissVerb, IncidentLeadCard.CloseVerb, IncidentLeadCard.KeepGoingVerb];

    /// <inheritdoc />
    public async Task OnCommandAsync(ITurnContext<IMessageActivity> turn, BotCommand command, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await directory.TeamForCommandAsync(turn, TeamRole.Member, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var card = command == BotCommands.Incident
            ? IncidentCard.Build(team, IncidentForm.Blank(argument, LocalNow(turn.Activity)))
            : await ListAsync(team, turn.Activity, null, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(MessageFactory.Attachment(card.ToAttachment()), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AdaptiveCardInvokeResponse> OnVerbAsync(ITurnContext<IInvokeActivity> turn, AdaptiveCardInvokeValue invoke, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(invoke);
        var verb = invoke.Action?.Verb;
        var data = invoke.Action?.Data;
        return verb == IncidentCard.DeclareVerb
            ? await DeclareAsync(turn.Activity, IncidentCardData.ReadDeclare(data), cancellationToken).ConfigureAwait(false)
            : await DecideAsync(turn.Activity, verb!, IncidentCardData.ReadClick(data), cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCardInvokeResponse> DeclareAsync(IInvokeActivity activity, DeclareData? data, CancellationToken cancellationToken)
    {
        if (data is null)
        {
            return CannotBeUsed($"Type {BotCommands.Incident.Text} to get a fresh form.");
        }

        if (await SenderAsync(activity, data.TeamId, cancellationToken).ConfigureAwait(false) is not { } sender)
        {
            return NotOnTeam(data.TeamId);
        }

        var shared = ConversationScopes.ScopeOf(activity) != ConversationScope.Personal;
        var check = data.Form.Check(LocalNow(activity));
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

        return Confirmation(incident, declaration.LeadsAsked, shared).ToInvokeResponse();
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
    private static AdaptiveCardInvokeResponse Refused(Team team, IncidentForm form, IReadOnlyList<string> problems, bool shared) =>
        shared && form.IsForLeadsOnly
            ? IncidentCard.Build(team, form with { Title = null, WhatHappened = null },
                [.. problems, "What you wrote isn't shown again here, since everyone in this chat would see it and the incident is for leads only. Please write it again, or declare it in your 1:1 chat with me."]).ToInvokeResponse()
            : IncidentCard.Build(team, form, problems).ToInvokeResponse();

    private async Task<AdaptiveCardInvokeResponse> DecideAsync(IInvokeActivity activity, string verb, IncidentClickData? click, CancellationToken cancellationToken)
    {
        if (click is null)
        {
            return CannotBeUsed($"Type {BotCommands.Incidents.Text} to get a fresh list.");
        }

        if (await SenderAsync(activity, click.TeamId, cancellationToken).ConfigureAwait(false) is not { } sender)
        {
            return NotOnTeam(click.TeamId);
        }

        if (!sender.IsLead)
        {
            Log.NotLead(logger, verb, click.TeamId);
            return Problem("Nothing changed", "Only a lead of the team can accept or dismiss an incident, or close or extend its recovery plan.");
        }

        var steps = click.Steps ?? RecoveryPlan.AllSteps;
        if (verb == IncidentLeadCard.AcceptVerb && IncidentRules.StepProblems(steps).ToList() is { Count: > 0 } problems)
        {
            var current = await incidents.GetAsync(sender.Team.Id, click.IncidentId, cancellationToken).ConfigureAwait(false);
            return await ReplyAsync(activity, sender, click, new IncidentUpdate(current is null ? IncidentUpdateOutcome.NotFound : IncidentUpdateOutcome.Refused, current), string.Join(' ', problems), cancellationToken).ConfigureAwait(false);
        }

        var update = verb switch
        {
            IncidentLeadCard.AcceptVerb => await service.AcceptAsync(sender.Team, click.IncidentId, steps, sender.MemberId, cancellationToken).ConfigureAwait(false),
            IncidentLeadCard.DismissVerb => await service.DismissAsync(sender.Team, click.IncidentId, sender.MemberId, cancellationToken).ConfigureAwait(false),
            IncidentLeadCard.CloseVerb => await service.CloseAsync(sender.Team, click.IncidentId, sender.MemberId, cancellationToken).ConfigureAwait(false),
            _ => await service.KeepGoingAsync(sender.Team, click.IncidentId, sender.MemberId, cancellationToken).ConfigureAwait(false),
        };
        return await ReplyAsync(activity, sender, click, update, update.Outcome == IncidentUpdateOutcome.Updated ? Done(verb, update) : Unchanged(update.Incident), cancellationToken).ConfigureAwait(false);
    }

    // The card clicked, redrawn as the incident now stands with the message on top; a button on another card gets the message alone.
    private async Task<AdaptiveCardInvokeResponse> ReplyAsync(
        IInvokeActivity activity, Sender sender, IncidentClickData click, IncidentUpdate update, string message, CancellationToken cancellationToken)
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
            IncidentCardView.Lead => IncidentLeadCard.Build(sender.Team, update.Incident!, clock.GetUtcNow(), notice).ToInvokeResponse(),
            IncidentCardView.List => (await ListAsync(sender.Team, activity, notice, cancellationToken).ConfigureAwait(false)).ToInvokeResponse(),
            _ => NoticeCard.Build(notice.IsProblem ? "Nothing changed" : "Done", message, notice.IsProblem).ToInvokeResponse(),
        };
    }

    private static string Done(string verb, IncidentUpdate update) => verb switch
    {
        IncidentLeadCard.AcceptVerb => $"Accepted \"{update.Incident!.Title}\": its recovery plan starts now.",
        IncidentLeadCard.DismissVerb => $"Dismissed \"{update.Incident!.Title}\": there is no recovery plan, and nothing is sent about it.",
        IncidentLeadCard.CloseVerb => $"Closed the recovery plan of \"{update.Incident!.Title}\": its remaining nudges won't be sent.",
        _ => $"The recovery plan of \"{update.Incident!.Title}\" keeps going: I'll bring the leads another baseline review {CardText.LocalDateTime(update.NextReviewAt!.Value)}.",
    };

    private static string Unchanged(Incident? incident) => incident?.State switch
    {
        IncidentState.AwaitingLead => "Nothing changed: this incident is still waiting for a lead to accept or dismiss it.",
        IncidentState.Active => "Nothing changed: this incident was already accepted, and its recovery plan is running.",
        IncidentState.Dismissed => "Nothing changed: this incident was already dismissed.",
        _ => "Nothing changed: this incident's recovery plan was already closed.",
    };

    // Leads see every incident only where no one else can read along: their 1:1 chat.
    private async Task<AdaptiveCard> ListAsync(Team team, IActivity activity, IncidentNotice? notice, CancellationToken cancellationToken)
    {
        var audience = ConversationScopes.ScopeOf(activity) == ConversationScope.Personal
            && await directory.LeadsAsync(ActivityIdentity.MemberIdOf(activity), team.Id, cancellationToken).ConfigureAwait(false)
                ? IncidentListAudience.Leads
                : IncidentListAudience.Team;
        var all = await incidents.GetAllAsync(team.Id, cancellationToken).ConfigureAwait(false);
        return IncidentListCard.Build(team, all, audience, clock.GetUtcNow(), notice);
    }

    // The card names the team; the roster and the stored roles decide whether the sender belongs to it.
    private async Task<Sender?> SenderAsync(IActivity activity, string teamId, CancellationToken cancellationToken)
    {
        if (await teams.GetTeamAsync(teamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return null;
        }

        var memberId = ActivityIdentity.MemberIdOf(activity);
        var isLead = await directory.LeadsAsync(memberId, teamId, cancellationToken).ConfigureAwait(false);
        var onRoster = (await messenger.GetRosterAsync(team, cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.MemberId == memberId);
        return isLead || onRoster is not null ? new Sender(team, memberId, onRoster?.Name ?? activity.From?.Name, isLead) : null;
    }

    // Teams sends the sender's local time with each activity; its offset places the day and time they
    // write. Without it, UTC is the best guess.
    private DateTimeOffset LocalNow(IActivity activity) =>
        activity.LocalTimestamp is { } stamp ? clock.GetUtcNow().ToOffset(stamp.Offset) : clock.GetUtcNow();

    private AdaptiveCardInvokeResponse NotOnTeam(string teamId)
    {
        Log.Refused(logger, teamId);
        return Problem("Nothing changed", "This card belongs to a team you're not a member of.");
    }

    private static AdaptiveCardInvokeResponse CannotBeUsed(string next) =>
        Problem("This card can't be used", $"Its data isn't what I sent, so nothing changed. {next}");

    private static AdaptiveCardInvokeResponse Problem(string title, string message) =>
        NoticeCard.Build(title, message, isProblem: true).ToInvokeResponse();

    private sealed record Sender(Team Team, string MemberId, string? Name, bool IsLead);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "An incident card for team {TeamId} was refused: the sender is not on that team")]
        public static partial void Refused(ILogger logger, string teamId);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Verb} for team {TeamId} was refused: the sender does not lead it")]
        public static partial void NotLead(ILogger logger, string verb, string teamId);
    }
}
