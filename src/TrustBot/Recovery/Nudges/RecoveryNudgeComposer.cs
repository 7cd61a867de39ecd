using Microsoft.Extensions.Caching.Memory;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Pulse;
using TrustBot.Summary;

namespace TrustBot.Recovery.Nudges;

/// <summary>
/// Writes a recovery plan's nudges when they are sent, from what is true then: nothing once the
/// incident is no longer active (its plan was closed), the actions as they stand, trust as the
/// latest closed pulses show it. Every recipient of a step gets the same card.
/// </summary>
public sealed class RecoveryNudgeComposer(
    IIncidentStore incidents,
    IPulseStore pulses,
    PulseService pulseService,
    IActionItemStore actions,
    IMemoryCache cache,
    TimeProvider clock) : IDeliveryComposer
{
    // A step's card is the same for every recipient; a recovery pulse to thousands reads it once.
    // A plan closed in the middle of a fan-out stops it within this long.
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public IReadOnlyCollection<DeliveryKind> Kinds => [DeliveryKind.RecoveryNudge];

    /// <inheritdoc />
    public async Task<CardMessage?> ComposeAsync(DeliveryRequest request, Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(team);
        if (RecoveryNudgeJob.ReadDeliverySubject(request.Subject) is not { } nudge)
        {
            return null;
        }

        var card = await cache.GetOrCreateAsync(("recovery-nudge", request.TeamId, request.Subject), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var incident = await incidents.GetAsync(request.TeamId, nudge.IncidentId, cancellationToken).ConfigureAwait(false);
            return incident?.State == IncidentState.Active
                ? await CardAsync(incident, nudge, team, cancellationToken).ConfigureAwait(false)
                : null;
        }).ConfigureAwait(false);
        return CardMessage.FromAdaptiveCard(card);
    }

    private async Task<AdaptiveCard?> CardAsync(Incident incident, RecoveryNudgeDelivery nudge, Team team, CancellationToken cancellationToken) => nudge.Step switch
    {
        RecoveryStep.Acknowledge => AcknowledgeCard.Build(incident),
        RecoveryStep.Retrospective => RetrospectiveCard.Build(incident),
        RecoveryStep.RecoveryPulse => await RecoveryPulseAsync(incident, nudge.DueAt, team, cancellationToken).ConfigureAwait(false),
        RecoveryStep.ActionProgress => await ActionProgressAsync(incident, cancellationToken).ConfigureAwait(false),
        RecoveryStep.BaselineReview => await BaselineReviewAsync(incident, nudge.DueAt, cancellationToken).ConfigureAwait(false),
        _ => null,
    };

    // The recovery pulse is the run the step's job opened: the team's newest, opened once the job
    // was due and still taking answers. A run opened earlier was not this step's (the job sends
    // nothing then), and once it closes there is nothing left to answer.
    private async Task<AdaptiveCard?> RecoveryPulseAsync(Incident incident, DateTimeOffset stepDueAt, Team team, CancellationToken cancellationToken)
    {
        var newest = await pulses.GetRecentRunsAsync(incident.TeamId, 1, cancellationToken).ConfigureAwait(false);
        if (newest is not [var run] || run.OpensAt < stepDueAt || !run.AcceptsAnswersAt(clock.GetUtcNow()))
        {
            return null;
        }

        var bank = await pulseService.BankForAsync(incident.TeamId, cancellationToken).ConfigureAwait(false);
        return RecoveryPulseCard.Build(run, bank, team.Name, incident);
    }

    private async Task<AdaptiveCard> ActionProgressAsync(Incident incident, CancellationToken cancellationToken)
    {
        var all = await actions.GetAllAsync(incident.TeamId, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return ActionProgressCard.Build(incident, [.. all.Where(item => item.IncidentId == incident.Id)], today);
    }

    private async Task<AdaptiveCard> BaselineReviewAsync(Incident incident, DateTimeOffset reviewAt, CancellationToken cancellationToken)
    {
        // The same history the summary reads: enough runs back to find the last one before the incident.
        var newestFirst = await pulses.GetRecentRollupsAsync(incident.TeamId, SummaryService.RecentRuns, cancellationToken).ConfigureAwait(false);
        var comparison = RecoveryComparison.Of([.. newestFirst.Reverse()], incident.OccurredAt, incident.FactorIds);
        return BaselineReviewCard.Build(incident, comparison, reviewAt);
    }
}
