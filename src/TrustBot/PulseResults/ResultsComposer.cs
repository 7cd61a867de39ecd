using Microsoft.Extensions.Caching.Memory;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;

namespace TrustBot.PulseResults;

/// <summary>
/// Writes the results cards when they are sent: a member's from the run's release (nothing before
/// the results went), a lead's only while they have not gone (a lead who sent them meanwhile has
/// nothing left to do).
/// </summary>
public sealed class ResultsComposer(ResultsService results, PulseResultsPlanner planner, IMemoryCache cache) : IDeliveryComposer
{
    // Every member's card is the same; a fan-out to thousands reads the roll-ups once.
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public IReadOnlyCollection<DeliveryKind> Kinds => [DeliveryKind.PulseResults, DeliveryKind.ResultsForLeads];

    /// <inheritdoc />
    public async Task<CardMessage?> ComposeAsync(DeliveryRequest request, Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(team);
        if (!PulseRunIds.IsWellFormed(request.Subject))
        {
            return null;
        }

        var card = request.Kind == DeliveryKind.PulseResults
            ? await cache.GetOrCreateAsync(("member-results", team.Id, request.Subject), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = CacheFor;
                return await MemberCardAsync(team, request.Subject, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false)
            : await LeadCardAsync(team, request.Subject, cancellationToken).ConfigureAwait(false);
        return CardMessage.FromAdaptiveCard(card);
    }

    private async Task<AdaptiveCard?> MemberCardAsync(Team team, string runId, CancellationToken cancellationToken)
    {
        var release = await results.ReleaseOfAsync(team.Id, runId, cancellationToken).ConfigureAwait(false);
        var shown = release is null ? null : await results.ResultsOfAsync(team.Id, runId, cancellationToken).ConfigureAwait(false);
        return shown is null ? null : MemberResultsCard.Build(team.Name, shown, release!.Line);
    }

    private async Task<AdaptiveCard?> LeadCardAsync(Team team, string runId, CancellationToken cancellationToken)
    {
        if (await results.ReleaseOfAsync(team.Id, runId, cancellationToken).ConfigureAwait(false) is not null
            || await results.ResultsOfAsync(team.Id, runId, cancellationToken).ConfigureAwait(false) is not { HasNumbers: true } shown)
        {
            return null;
        }

        return LeadResultsCard.Build(team, shown, planner.SendsWithoutLineAt(shown.View!.To));
    }
}
