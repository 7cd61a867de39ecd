using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Teams;

namespace TrustBot.Pulse;

/// <summary>
/// Stage 1, awareness: leads start and close pulse check-ins; members answer them in their 1:1
/// chat, anonymously, and can change their answer until the run closes.
/// </summary>
public sealed class PulseDialog(
    PulseService pulses,
    TeamDirectory directory,
    IJobStore jobs,
    JobPlanner planner,
    IOptions<PulseOptions> options,
    TimeProvider clock) : IDialog
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

    // Writes the whole intent as one job, due now, and wakes the planner: the job reads the roster,
    // opens the run and queues the invitations (StartPulseJob), so the turn answers in bounded time
    // whatever the team's size, and a crash at any point still ends with every card sent once.
    private async Task<(AdaptiveCard? Started, string? Refusal)> StartForAsync(Team team, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await pulses.FindOpenRunAsync(team.Id, cancellationToken).ConfigureAwait(false) is { } open && open.AcceptsAnswersAt(now))
        {
            return (null, $"A pulse is already open until {CardText.LocalDateTime(open.ClosesAt)}. Type close pulse to close it first.");
        }

        await jobs.AddAsync(ScheduledJob.Plan(JobKind.StartPulse, team.Id, Guid.NewGuid().ToString("N"), now), cancellationToken).ConfigureAwait(false);
        planner.Wake();
        return (NoticeCard.Build(
            "Pulse starting",
            "I'm sending the check-in to the team's members in their 1:1 chat with me; it reaches them within a minute. " +
            $"It stays open for {options.Value.WindowDays} days. " +
            $"Results show once at least {Anonymity.ThresholdOrMinimum(options.Value.AnonymityThreshold)} people have answered."), null);
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
