using System.Globalization;
using System.Text.Json.Nodes;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Teams;

namespace TrustBot.Pulse;

/// <summary>
/// Stage 1, awareness: leads start and close pulse check-ins; members answer them in their 1:1
/// chat, anonymously, and can change their answer until the run closes.
/// </summary>
public sealed class PulseDialog(
    PulseService pulses,
    PulseFanOut fanOut,
    TeamDirectory directory,
    ITeamsMessenger messenger,
    ITeamRosterStore rosters,
    ITeamScheduleStore schedules) : IDialog
{
    /// <inheritdoc />
    public void DeclareRoutes(DialogRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Command(BotCommands.StartPulse, StartAsync)
            .Command(BotCommands.ClosePulse, CloseAsync)
            .Command(BotCommands.Pulse, ShowOpenPulsesAsync)
            .Command(BotCommands.CheckIn, ShowOpenPulsesAsync)
            .Verb(PulseCard.SubmitVerb, SubmitAsync)
            .Verb(PulseThanksCard.ChangeVerb, ChangeAsync)
            .Verb(TeamCheckInCard.StartVerb, StartCheckInAsync);
    }

    private async Task StartAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var outcome = await StartForAsync(team, cancellationToken).ConfigureAwait(false);
        await (outcome.Started is { } card ? turn.ReplyAsync(card, cancellationToken) : turn.ReplyAsync(outcome.Refusal!, cancellationToken)).ConfigureAwait(false);
    }

    // "Start a check-in pulse" on the card that tells a lead the team changed: the same as start pulse,
    // for the team the card names once storage confirms the clicker leads it.
    private async Task<AdaptiveCard> StartCheckInAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        var teamId = CardSubmit.TeamIdOf(data);
        if (teamId is null)
        {
            return NoticeCard.Build("This card can't be used", "Its data isn't what I sent, so no pulse was started. Type start pulse in your team's channel instead.", isProblem: true);
        }

        if (await directory.FindLedTeamAsync(turn.MemberId, teamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return NoticeCard.Build("Only a lead can do that", "You don't lead the team this card belongs to, so no pulse was started.", isProblem: true);
        }

        var outcome = await StartForAsync(team, cancellationToken).ConfigureAwait(false);
        return (outcome.Started ?? NoticeCard.Build("No pulse was started", outcome.Refusal!, isProblem: true));
    }

    // Reads the live roster (kept as the team's stored roster too: scheduled runs and reminders use
    // it), opens the run and queues the invitations; the card says what happened, or why nothing did.
    private async Task<(AdaptiveCard? Started, string? Refusal)> StartForAsync(Team team, CancellationToken cancellationToken)
    {
        var roster = await messenger.GetRosterAsync(team, cancellationToken).ConfigureAwait(false);
        await rosters.ReplaceAsync(team.Id, roster, cancellationToken).ConfigureAwait(false);
        var result = await pulses.StartAsync(team, roster, window: null, cancellationToken).ConfigureAwait(false);
        if (result.AlreadyOpen is { } open)
        {
            return (null, $"A pulse is already open until {CardText.LocalDateTime(open.ClosesAt)}. Type close pulse to close it first.");
        }

        if (result.Started is not { } run)
        {
            return (null, "I couldn't find anyone in this team to send a pulse to.");
        }

        var schedule = await schedules.GetAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var queued = await fanOut.StartAsync(team, run, remind: schedule?.Reminders ?? true, cancellationToken).ConfigureAwait(false);
        return (NoticeCard.Build(
            "Pulse started",
            $"I'm sending the check-in to {queued.Queued} of {roster.Count} members in their 1:1 chat with me" +
            (queued.Unreachable > 0 ? $" ({queued.Unreachable} blocked or uninstalled me, so I can't reach them)" : string.Empty) +
            $". It stays open until {CardText.LocalDateTime(run.ClosesAt)}. " +
            $"Results show once at least {run.AnonymityThreshold} people have answered."), null);
    }

    private async Task CloseAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var open = await pulses.FindOpenRunAsync(team.Id, cancellationToken).ConfigureAwait(false);
        if (open is null)
        {
            await turn.ReplyAsync("There is no open pulse to close. Type start pulse to start one.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var rollup = await pulses.CloseAsync(open, cancellationToken).ConfigureAwait(false);
        var outcome = rollup.MeetsThreshold
            ? "The results are ready for the trust summary."
            : $"Fewer than {rollup.AnonymityThreshold} people answered, so no numbers will be shown for this pulse: that keeps every answer anonymous.";
        await turn.ReplyAsync(
            NoticeCard.Build("Pulse closed", $"{rollup.Responded} of {rollup.Invited} members answered ({CardText.Percent(rollup.ParticipationRate)}). {outcome}"),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task ShowOpenPulsesAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Scope != ConversationScope.Personal)
        {
            await turn.ReplyAsync("Pulses are answered privately: open your 1:1 chat with me and type pulse there.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var open = await pulses.FindOpenForMemberAsync(turn.MemberId, cancellationToken).ConfigureAwait(false);
        if (open.Count == 0)
        {
            await turn.ReplyAsync("There's no open pulse for you right now. When your lead starts one, I'll send it to you here.", cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var pulse in open)
        {
            var bank = await pulses.BankForAsync(pulse.Run.TeamId, cancellationToken).ConfigureAwait(false);
            var card = PulseCard.Build(pulse.Run, bank, pulse.TeamName, pulse.Answer);
            await turn.ReplyAsync(card, cancellationToken).ConfigureAwait(false);
        }
    }

    // A card that does not even name a well-formed team and run: tampered, or not one of ours.
    private static AdaptiveCard ForeignCard =>
        NoticeCard.Build("This card can't be used", "It doesn't name a pulse I know, so nothing was recorded. Type pulse to get a fresh card.", isProblem: true);

    private async Task<AdaptiveCard> SubmitAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        if (PulseCardData.Read(data) is not { } card)
        {
            return ForeignCard;
        }

        var result = await pulses.SubmitAsync(turn.MemberId, card.TeamId, card.RunId, card.Submission, card.Problem, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            SubmitOutcome.Recorded => PulseThanksCard.Build(result.Run!, result.LastClosed),
            SubmitOutcome.Invalid => PulseCard.Build(
                result.Run!,
                await pulses.BankForAsync(result.Run!.TeamId, cancellationToken).ConfigureAwait(false),
                teamName: null,
                card.Submission is null ? null : card.Submission.ToAnswer(),
                result.Problem),
            SubmitOutcome.Closed => NoticeCard.Build("This pulse has closed", result.Problem!),
            _ => NoticeCard.Build("Nothing was recorded", result.Problem!, isProblem: true),
        };
    }

    private async Task<AdaptiveCard> ChangeAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        if (PulseCardData.Read(data) is not { } card)
        {
            return ForeignCard;
        }

        var result = await pulses.GetForChangeAsync(turn.MemberId, card.TeamId, card.RunId, cancellationToken).ConfigureAwait(false);
        return result.Problem is null
            ? PulseCard.Build(result.Run!, await pulses.BankForAsync(result.Run!.TeamId, cancellationToken).ConfigureAwait(false), teamName: null, result.Answer)
            : NoticeCard.Build("You can't change this answer", result.Problem, isProblem: result.Run is null);
    }
}
