namespace TrustBot.Domain.Definition;

/// <summary>How many ballots picked each proposal: only counts, never who picked what.</summary>
public static class VoteTally
{
    /// <summary>The votes for each proposal on the ballot (zero included), ignoring picks that are not on it.</summary>
    public static IReadOnlyDictionary<string, int> Count(TrustVote vote, IEnumerable<TrustBallot> ballots)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(ballots);
        var counts = vote.ProposalIds.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var pick in ballots.Where(b => b.VoteId == vote.Id).SelectMany(b => b.Picks.Distinct(StringComparer.Ordinal)))
        {
            if (counts.TryGetValue(pick, out var count))
            {
                counts[pick] = count + 1;
            }
        }

        return counts;
    }
}
