using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
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
    public IReadOnlyList<BotCommand> Commands => [BotCommands.StartPulse, BotCommands.ClosePulse, BotCommands.Pulse, BotCommands.CheckIn];

    /// <inheritdoc />
    public IReadOnlyList<string> Verbs => [PulseCard.SubmitVerb, PulseThanksCard.ChangeVerb, TeamCheckInCard.StartVerb];

    /// <inheritdoc />
    public Task OnCommandAsync(ITurnContext<IMessageActivity> turn, BotCommand command, string argument, CancellationToken cancellationToken) =>
        command == BotCommands.StartPulse ? StartAsync(turn, cancellationToken)
        : command == BotCommands.ClosePulse ? CloseAsync(turn, cancellationToken)
        : ShowOpenPulsesAsync(turn, cancellationToken);

    /// <inheritdoc />
    public async Task<AdaptiveCardInvokeResponse> OnVerbAsync(ITurnContext<IInvokeActivity> turn, AdaptiveCardInvokeValue invoke, CancellationToken cancellationToken)
    {
        if (invoke.Action.Verb == TeamCheckInCard.StartVerb)
        {
            return await StartCheckInAsync(turn, invoke.Action.Data, cancellationToken).ConfigureAwait(false);
        }

        var card = PulseCardData.Read(invoke.Action.Data);
        if (card is null)
        {
            return NoticeCard.Build("This card can't be used", "It doesn't name a pulse I know, so nothing was recorded. Type pulse to get a fresh card.", isProblem: true).ToInvokeResponse();
        }

        var memberId = ActivityIdentity.MemberIdOf(turn.Activity);
        return invoke.Action.Verb == PulseCard.SubmitVerb
            ? await SubmitAsync(memberId, card, cancellationToken).ConfigureAwait(false)
            : await ChangeAsync(memberId, card, cancellationToken).ConfigureAwait(false);
    }

    private async Task StartAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var outcome = await StartForAsync(team, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(
            outcome.Started is { } card ? MessageFactory.Attachment(card.ToAttachment()) : MessageFactory.Text(outcome.Refusal),
            cancellationToken).ConfigureAwait(false);
    }

    // "Start a check-in pulse" on the card that tells a lead the team changed: the same as start pulse,
    // for the team the card names once storage confirms the clicker leads it.
    private async Task<AdaptiveCardInvokeResponse> StartCheckInAsync(ITurnContext turn, object? data, CancellationToken cancellationToken)
    {
        var teamId = data is JObject json ? CardSubmit.TeamIdOf(json) : null;
        if (teamId is null)
        {
            return NoticeCard.Build("This card can't be used", "Its data isn't what I sent, so no pulse was started. Type start pulse in your team's channel instead.", isProblem: true).ToInvokeResponse();
        }

        if (await directory.FindLedTeamAsync(ActivityIdentity.MemberIdOf(turn.Activity), teamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return NoticeCard.Build("Only a lead can do that", "You don't lead the team this card belongs to, so no pulse was started.", isProblem: true).ToInvokeResponse();
        }

        var outcome = await StartForAsync(team, cancellationToken).ConfigureAwait(false);
        return (outcome.Started ?? NoticeCard.Build("No pulse was started", outcome.Refusal!, isProblem: true)).ToInvokeResponse();
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

    private async Task CloseAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var open = await pulses.FindOpenRunAsync(team.Id, cancellationToken).ConfigureAwait(false);
        if (open is null)
        {
            await turn.SendActivityAsync("There is no open pulse to close. Type start pulse to start one.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var rollup = await pulses.CloseAsync(open, cancellationToken).ConfigureAwait(false);
        var outcome = rollup.MeetsThreshold
            ? "The results are ready for the trust summary."
            : $"Fewer than {rollup.AnonymityThreshold} people answered, so no numbers will be shown for this pulse: that keeps every answer anonymous.";
        await turn.SendActivityAsync(MessageFactory.Attachment(NoticeCard.Build(
            "Pulse closed",
            $"{rollup.Responded} of {rollup.Invited} members answered ({CardText.Percent(rollup.ParticipationRate)}). {outcome}").ToAttachment()),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task ShowOpenPulsesAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (ConversationScopes.ScopeOf(turn.Activity) != ConversationScope.Personal)
        {
            await turn.SendActivityAsync("Pulses are answered privately: open your 1:1 chat with me and type pulse there.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var open = await pulses.FindOpenForMemberAsync(ActivityIdentity.MemberIdOf(turn.Activity), cancellationToken).ConfigureAwait(false);
        if (open.Count == 0)
        {
            await turn.SendActivityAsync("There's no open pulse for you right now. When your lead starts one, I'll send it to you here.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var pulse in open)
        {
            var bank = await pulses.BankForAsync(pulse.Run.TeamId, cancellationToken).ConfigureAwait(false);
            var card = PulseCard.Build(pulse.Run, bank, pulse.TeamName, pulse.Answer);
            await turn.SendActivityAsync(MessageFactory.Attachment(card.ToAttachment()), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AdaptiveCardInvokeResponse> SubmitAsync(string memberId, PulseCardData card, CancellationToken cancellationToken)
    {
        var result = await pulses.SubmitAsync(memberId, card, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            SubmitOutcome.Recorded => PulseThanksCard.Build(result.Run!, result.LastClosed).ToInvokeResponse(),
            SubmitOutcome.Invalid => PulseCard.Build(
                result.Run!,
                await pulses.BankForAsync(result.Run!.TeamId, cancellationToken).ConfigureAwait(false),
                teamName: null,
                card.Submission is null ? null : card.Submission.ToAnswer(),
                result.Problem).ToInvokeResponse(),
            SubmitOutcome.Closed => NoticeCard.Build("This pulse has closed", result.Problem!).ToInvokeResponse(),
            _ => NoticeCard.Build("Nothing was recorded", result.Problem!, isProblem: true).ToInvokeResponse(),
        };
    }

    private async Task<AdaptiveCardInvokeResponse> ChangeAsync(string memberId, PulseCardData card, CancellationToken cancellationToken)
    {
        var result = await pulses.GetForChangeAsync(memberId, card.TeamId, card.RunId, cancellationToken).ConfigureAwait(false);
        return result.Problem is null
            ? PulseCard.Build(result.Run!, await pulses.BankForAsync(result.Run!.TeamId, cancellationToken).ConfigureAwait(false), teamName: null, result.Answer).ToInvokeResponse()
            : NoticeCard.Build("You can't change this answer", result.Problem, isProblem: result.Run is null).ToInvokeResponse();
    }
}
