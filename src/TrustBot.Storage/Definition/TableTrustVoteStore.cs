using Azure.Data.Tables;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Pulse;

namespace TrustBot.Storage.Definition;

/// <summary>
/// <see cref="ITrustVoteStore"/> over the tables <c>TrustProposals</c>, <c>TrustVotes</c> and
/// <c>TrustBallots</c>, each partitioned by team: every call is a point read, a point write or a scan of
/// one partition. See docs/storage.md.
/// </summary>
public sealed class TableTrustVoteStore : ITrustVoteStore
{
    internal const string ProposalsTable = "TrustProposals";
    internal const string VotesTable = "TrustVotes";
    internal const string BallotsTable = "TrustBallots";

    private readonly RecordTable<TrustProposal> _proposals;
    private readonly RecordTable<TrustVote> _votes;
    private readonly RecordTable<TrustBallot> _ballots;
    private readonly StorageTable _ballotTable;
    private readonly TrustBallotMapper _ballotMapper = new();

    /// <summary>Uses the registered tables.</summary>
    public TableTrustVoteStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _proposals = new RecordTable<TrustProposal>(tables.Get(ProposalsTable), new TrustProposalMapper());
        _votes = new RecordTable<TrustVote>(tables.Get(VotesTable), new TrustVoteMapper());
        _ballotTable = tables.Get(BallotsTable);
        _ballots = new RecordTable<TrustBallot>(_ballotTable, _ballotMapper);
    }

    /// <inheritdoc />
    /// <remarks>An insert of a fresh id: <c>AlreadyExists</c> can only be this write, retried after a lost response.</remarks>
    public async Task AddProposalAsync(TrustProposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (!PulseRunIds.IsWellFormed(proposal.Id))
        {
            throw new ArgumentException($"'{proposal.Id}' is not a proposal id; make one with TrustProposal.New.", nameof(proposal));
        }

        await _proposals.InsertUnlessPresentAsync(proposal, "a proposal", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrustProposal>> GetProposalsAsync(string teamId, CancellationToken cancellationToken) =>
        await _proposals.QueryPartitionAsync(TableKey.Encode(teamId), cancellationToken: cancellationToken)
            .Select(stored => stored.Value)
            .OrderBy(proposal => proposal.ProposedAt)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<TrustVote?> GetVoteAsync(string teamId, CancellationToken cancellationToken) =>
        (await ReadVoteAsync(teamId, cancellationToken).ConfigureAwait(false))?.Value;

    /// <inheritdoc />
    /// <remarks>
    /// The invitations are written first and the vote last, with a write conditional on the vote read
    /// before: a vote is never visible without its invitations, and of two leads opening at once only one
    /// replaces the row. The loser's invitations name a vote id nothing refers to; they go with the team.
    /// </remarks>
    public async Task<bool> TryOpenVoteAsync(TrustVote vote, IReadOnlyCollection<string> invitedMemberIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(invitedMemberIds);
        var current = await ReadVoteAsync(vote.TeamId, cancellationToken).ConfigureAwait(false);
        if (current?.Value.IsOpenAt(now) == true)
        {
            return false;
        }

        var invitations = invitedMemberIds
            .Select(memberId => new TableTransactionAction(TableTransactionActionType.UpsertReplace, _ballotMapper.ToEntity(TrustBallot.Invitation(vote, memberId))))
            .ToList();
        var batch = await _ballotTable.SubmitBatchAsync(invitations, cancellationToken).ConfigureAwait(false);
        if (!batch.Succeeded)
        {
            throw new InvalidOperationException($"The invitations to vote {vote.Id} could not be written: {batch}.");
        }

        var written = current is null
            ? await _votes.InsertAsync(vote, cancellationToken).ConfigureAwait(false)
            : await _votes.ReplaceAsync(current with { Value = vote }, cancellationToken).ConfigureAwait(false);
        return written.Succeeded;
    }

    /// <inheritdoc />
    public Task CloseVoteAsync(string teamId, string voteId, DateTimeOffset now, CancellationToken cancellationToken) =>
        OptimisticRetry.RunAsync(
            async token =>
            {
                var stored = await ReadVoteAsync(teamId, token).ConfigureAwait(false);
                if (stored is null || stored.Value.Id != voteId || stored.Value.ClosedAt is not null)
                {
                    return null;
                }

                var replaced = await _votes.ReplaceAsync(stored with { Value = stored.Value.ClosedAtOrBefore(now) }, token).ConfigureAwait(false);
                return replaced.Conflict;
            },
            $"vote {voteId}",
            cancellationToken);

    /// <inheritdoc />
    public async Task<TrustBallot?> GetBallotAsync(string teamId, string voteId, string memberId, CancellationToken cancellationToken) =>
        (await _ballots.GetAsync(TableKey.Encode(teamId), TrustBallotMapper.RowKeyOf(voteId, memberId), cancellationToken).ConfigureAwait(false))?.Value;

    /// <inheritdoc />
    /// <remarks>Last writer wins: a member changing their vote replaces their own row and no one else's.</remarks>
    public async Task SaveBallotAsync(TrustBallot ballot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        await _ballotTable.UpsertAsync(_ballotMapper.ToEntity(ballot), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrustBallot>> GetBallotsAsync(string teamId, string voteId, CancellationToken cancellationToken) =>
        await _ballots.QueryPartitionAsync(TableKey.Encode(teamId), TrustBallotMapper.PrefixOf(voteId), cancellationToken: cancellationToken)
            .Select(stored => stored.Value)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

    private Task<Stored<TrustVote>?> ReadVoteAsync(string teamId, CancellationToken cancellationToken) =>
        _votes.GetAsync(TableKey.Encode(teamId), TrustVoteMapper.RowKey, cancellationToken);
}
