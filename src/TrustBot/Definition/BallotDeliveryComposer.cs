using Microsoft.Extensions.Caching.Memory;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;

namespace TrustBot.Definition;

/// <summary>Writes a member's ballot for the team's open vote; nothing once the vote has closed.</summary>
public sealed class BallotDeliveryComposer(ITrustVoteStore votes, IMemoryCache cache, TimeProvider clock) : IDeliveryComposer
{
    // The vote and its proposals are frozen while it is open; a fan-out reads them once.
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public IReadOnlyCollection<DeliveryKind> Kinds => [DeliveryKind.TrustBallot];

    /// <inheritdoc />
    public async Task<CardMessage?> ComposeAsync(DeliveryRequest request, Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(team);
        var ballot = await cache.GetOrCreateAsync(("ballot-delivery", request.TeamId, request.Subject), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var vote = await votes.GetVoteAsync(request.TeamId, cancellationToken).ConfigureAwait(false);
            if (vote is null || vote.Id != request.Subject)
            {
                return ((TrustVote, IReadOnlyList<TrustProposal>)?)null;
            }

            var proposals = await votes.GetProposalsAsync(request.TeamId, cancellationToken).ConfigureAwait(false);
            return (vote, [.. proposals.Where(p => vote.ProposalIds.Contains(p.Id))]);
        }).ConfigureAwait(false);

        return ballot is { } found && found.Item1.IsOpenAt(clock.GetUtcNow())
            ? new CardMessage(BallotCard.Build(found.Item1, found.Item2, team.Name))
            : null;
    }
}
