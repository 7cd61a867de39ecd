using TrustBot.Domain.Teams;

namespace TrustBot.Teams;

/// <summary>Records that everyone on a roster belongs to the team, so their 1:1 commands find it.</summary>
public static class RosterMemberships
{
    // Memberships live in each member's own partition, so they cannot be batched; a large team's
    // are written side by side.
    private const int Parallelism = 16;

    /// <summary>Ensures a membership for each roster member (a stored role, a lead's say, is kept).</summary>
    public static Task EnsureAllAsync(this ITeamStore teams, string teamId, IReadOnlyList<RosterMember> roster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teams);
        return Parallel.ForEachAsync(
            roster,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (member, token) => await teams.EnsureMembershipAsync(new Membership(member.MemberId, teamId, TeamRole.Member, member.Name), token).ConfigureAwait(false));
    }
}
