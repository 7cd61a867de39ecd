using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Storage.Delivery;

namespace TrustBot.Delivery;

/// <summary>
/// Queues one delivery per member through the delivery queue, so a team of any size is reached at
/// Teams' pace by the workers, never inside a turn. Members are looked up on the team's stored
/// roster: those who left are not written to, and those Teams refused before are skipped.
/// </summary>
public sealed class RosterFanOut(ITeamRosterStore rosters, PendingDeliveries deliveries)
{
    /// <summary>Queues a <paramref name="kind"/> delivery about <paramref name="subject"/> to each of <paramref name="memberIds"/>.</summary>
    public async Task<FanOutResult> QueueAsync(Team team, IReadOnlyCollection<string> memberIds, DeliveryKind kind, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(memberIds);
        var onRoster = (await rosters.GetAsync(team.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(entry => entry.Member.MemberId);
        var batch = DeliveryBatches.For(kind, team.Id, subject);
        var requests = new List<DeliveryRequest>();
        var unreachable = 0;
        foreach (var memberId in memberIds)
        {
            if (!onRoster.TryGetValue(memberId, out var entry))
            {
                continue;
            }

            if (!entry.IsReachable)
            {
                unreachable++;
                continue;
            }

            requests.Add(new DeliveryRequest(batch, kind, team.Id, subject, new RosterMemberRef(memberId, entry.Member.UserId)));
        }

        await deliveries.EnqueueAsync(requests, cancellationToken).ConfigureAwait(false);
        return new FanOutResult(requests.Count, unreachable);
    }

    /// <summary>Queues one <paramref name="kind"/> message about <paramref name="subject"/> to the team's channel.</summary>
    public Task QueueToChannelAsync(string teamId, DeliveryKind kind, string subject, CancellationToken cancellationToken) =>
        deliveries.EnqueueAsync([new DeliveryRequest(DeliveryBatches.For(kind, teamId, subject), kind, teamId, subject, null)], cancellationToken);
}

/// <summary>What a fan-out queued.</summary>
/// <param name="Queued">Deliveries queued.</param>
/// <param name="Unreachable">Members skipped because Teams refused earlier deliveries to them (they blocked or uninstalled the bot).</param>
public sealed record FanOutResult(int Queued, int Unreachable);
