namespace TrustBot.Domain.Definition;

/// <summary>A team's proposals, its vote on them and the members' ballots.</summary>
public interface ITrustVoteStore
{
    /// <summary>Stores a new proposal (already checked with <see cref="DefinitionRules"/>).</summary>
    Task AddProposalAsync(TrustProposal proposal, CancellationToken cancellationToken);

    /// <summary>The team's proposals, oldest first.</summary>
    Task<IReadOnlyList<TrustProposal>> GetProposalsAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>The team's latest vote, open or closed; null when it never voted.</summary>
    Task<TrustVote?> GetVoteAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the vote and invites the members (a blank ballot each), unless the team's latest vote
    /// is still open at <paramref name="now"/>: then nothing is written and the answer is false.
    /// </summary>
    Task<bool> TryOpenVoteAsync(TrustVote vote, IReadOnlyCollection<string> invitedMemberIds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Closes the team's vote <paramref name="voteId"/> at <paramref name="now"/> if it is still its latest and not closed yet.</summary>
    Task CloseVoteAsync(string teamId, string voteId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A member's ballot; null when they were not invited to that vote.</summary>
    Task<TrustBallot?> GetBallotAsync(string teamId, string voteId, string memberId, CancellationToken cancellationToken);

    /// <summary>Stores a member's picks, replacing their earlier ones.</summary>
    Task SaveBallotAsync(TrustBallot ballot, CancellationToken cancellationToken);

    /// <summary>Every ballot of a vote, cast or not.</summary>
    Task<IReadOnlyList<TrustBallot>> GetBallotsAsync(string teamId, string voteId, CancellationToken cancellationToken);
}
