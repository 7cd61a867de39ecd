using Microsoft.Extensions.Caching.Memory;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Questions;

namespace TrustBot.Pulse;

/// <summary>
/// Writes the pulse messages the delivery workers send: the card of an open run, the reminder
/// (only to members who have not answered: checked with the anonymity secret at send time, so no
/// stored record says who answered), and the channel's note that a run has closed.
/// </summary>
public sealed class PulseDeliveryComposer(
    IPulseStore pulses,
    TeamQuestionBank banks,
    AnonymousKeys keys,
    IMemoryCache cache,
    TimeProvider clock) : IDeliveryComposer
{
    // A run and its items do not change while it is open; a fan-out of thousands reads them once
    // (one read shared by the deliveries that start together).
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public IReadOnlyCollection<DeliveryKind> Kinds => [DeliveryKind.PulseInvite, DeliveryKind.PulseReminder, DeliveryKind.PulseClosed];

    /// <inheritdoc />
    public async Task<CardMessage?> ComposeAsync(DeliveryRequest request, Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(team);
        return request.Kind == DeliveryKind.PulseClosed
            ? await ClosedNoteAsync(request, cancellationToken).ConfigureAwait(false)
            : await CardAsync(request, team, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CardMessage?> CardAsync(DeliveryRequest request, Team team, CancellationToken cancellationToken)
    {
        var open = await OpenRunAsync(request.TeamId, request.Subject, cancellationToken).ConfigureAwait(false);
        if (open is not var (run, bank) || !run.AcceptsAnswersAt(clock.GetUtcNow()) || request.Recipient is not { } member)
        {
            return null;
        }

        var card = PulseCard.Build(run, bank, team.Name);
        if (request.Kind == DeliveryKind.PulseReminder)
        {
            if (await pulses.HasAnswerAsync(run.TeamId, run.RunId, keys.AnswerKey(run.RunId, member.MemberId), cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return new CardMessage(card, $"A gentle reminder: the trust pulse closes {CardText.LocalDateTime(run.ClosesAt)}. It takes a minute, and it stays anonymous.");
        }

        return card;
    }

    private async Task<(PulseRun Run, QuestionBank Bank)?> OpenRunAsync(string teamId, string runId, CancellationToken cancellationToken) =>
        await cache.GetOrLoadOnceAsync<(PulseRun, QuestionBank)?>(("pulse-delivery", teamId, runId), CacheFor, async token =>
        {
            var run = await pulses.GetRunAsync(teamId, runId, token).ConfigureAwait(false);
            return run is null
                ? null
                : (run, await banks.ForTeamAsync(teamId, token).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);

    private async Task<CardMessage?> ClosedNoteAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        // The run's roll-up is among the newest few: closes happen in order.
        var rollups = await pulses.GetRecentRollupsAsync(request.TeamId, 3, cancellationToken).ConfigureAwait(false);
        if (rollups.FirstOrDefault(r => r.RunId == request.Subject) is not { } rollup)
        {
            return null;
        }

        var outcome = rollup.MeetsThreshold
            ? "Leads can type summary to see what it says."
            : $"Fewer than {rollup.AnonymityThreshold} people answered, so no numbers are shown for it: that keeps every answer anonymous.";
        return NoticeCard.Build(
            "This pulse has closed",
            $"{rollup.Responded} of {rollup.Invited} members answered ({CardText.Percent(rollup.ParticipationRate)}). {outcome}");
    }
}
