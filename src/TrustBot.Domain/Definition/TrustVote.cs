namespace TrustBot.Domain.Definition;

/// <summary>A vote on a team's proposals. A team has at most one vote open at a time.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Id">Its id (the shape of <see cref="Pulse.PulseRunIds"/>); ballots name it.</param>
/// <param name="ProposalIds">The proposals on the ballot, frozen when the vote opened.</param>
/// <param name="OpenedAt">When it opened.</param>
/// <param name="ClosesAt">When it closes on its own.</param>
/// <param name="ClosedAt">When a lead closed it early; null until then.</param>
public sealed record TrustVote(
    string TeamId,
    string Id,
    IReadOnlyList<string> ProposalIds,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosesAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>A vote opening now on the given proposals, for <see cref="DefinitionRules.VoteWindow"/>.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="proposalIds">The proposals on the ballot.</param>
    /// <param name="now">The current time.</param>
    /// <param name="entropy">A fresh GUID for the id.</param>
    public static TrustVote Open(string teamId, IReadOnlyList<string> proposalIds, DateTimeOffset now, Guid entropy) =>
        new(teamId, Pulse.PulseRunIds.New(now, entropy), proposalIds, now, now + DefinitionRules.VoteWindow, null);

    /// <summary>Whether ballots are accepted at <paramref name="now"/>.</summary>
    public bool IsOpenAt(DateTimeOffset now) => ClosedAt is null && now < ClosesAt;

    /// <summary>The vote closed at <paramref name="now"/>; a vote already closed keeps its time.</summary>
    public TrustVote ClosedAtOrBefore(DateTimeOffset now) =>
        this with { ClosedAt = ClosedAt ?? (now < ClosesAt ? now : ClosesAt) };
}

/// <summary>
/// One member's ballot in a vote. It exists from the moment the member is invited (with no picks),
/// so "was this member invited?" is the same point read as "what did they pick?".
/// </summary>
/// <param name="TeamId">The team.</param>
/// <param name="VoteId">The vote.</param>
/// <param name="MemberId">The member invited to vote.</param>
/// <param name="Picks">The proposal ids they picked; empty until they vote.</param>
/// <param name="CastAt">When they last voted; null until they do.</param>
public sealed record TrustBallot(string TeamId, string VoteId, string MemberId, IReadOnlyList<string> Picks, DateTimeOffset? CastAt)
{
    /// <summary>The blank ballot of an invited member.</summary>
    public static TrustBallot Invitation(TrustVote vote, string memberId)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return new TrustBallot(vote.TeamId, vote.Id, memberId, [], null);
    }
}
