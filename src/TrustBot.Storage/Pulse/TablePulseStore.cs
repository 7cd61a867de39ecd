using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using TrustBot.Domain.Pulse;
using TrustBot.Storage.Summary;

namespace TrustBot.Storage.Pulse;

/// <summary>
/// <see cref="IPulseStore"/> over three tables, each partitioned by team: <c>PulseRuns</c> (runs,
/// roll-ups and the open-run claim, together so that starting and closing are single transactions),
/// <c>PulseInvitations</c> (who was sent a card) and <c>PulseResponses</c> (sealed answers while a run
/// is open, its comments once closed, with no member id anywhere). See docs/storage.md and
/// docs/threat-model.md.
/// </summary>
public sealed class TablePulseStore : IPulseStore
{
    internal const string RunsTable = "PulseRuns";
    internal const string InvitationsTable = "PulseInvitations";
    internal const string ResponsesTable = "PulseResponses";

    private readonly StorageTable _runTable;
    private readonly StorageTable _invitationTable;
    private readonly StorageTable _responseTable;
    private readonly PulseRunMapper _runMapper = new();
    private readonly PulseRollupMapper _rollupMapper = new();
    private readonly OpenRunMapper _openRunMapper = new();
    private readonly InvitationMapper _invitationMapper = new();
    private readonly AnonymousAnswerMapper _answerMapper = new();
    private readonly AnonymousCommentMapper _commentMapper = new();
    private readonly RecordTable<PulseRun> _runs;
    private readonly RecordTable<PulseRollup> _rollups;
    private readonly RecordTable<OpenRun> _openRuns;
    private readonly RecordTable<Invitation> _invitations;
    private readonly RecordTable<AnonymousAnswer> _answers;
    private readonly RecordTable<AnonymousComment> _comments;
    private readonly SummaryStamps _stamps;

    /// <summary>Uses the registered <c>PulseRuns</c>, <c>PulseInvitations</c> and <c>PulseResponses</c> tables.</summary>
    public TablePulseStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _runTable = tables.Get(RunsTable);
        _invitationTable = tables.Get(InvitationsTable);
        _responseTable = tables.Get(ResponsesTable);
        _runs = new RecordTable<PulseRun>(_runTable, _runMapper);
        _rollups = new RecordTable<PulseRollup>(_runTable, _rollupMapper);
        _openRuns = new RecordTable<OpenRun>(_runTable, _openRunMapper);
        _invitations = new RecordTable<Invitation>(_invitationTable, _invitationMapper);
        _answers = new RecordTable<AnonymousAnswer>(_responseTable, _answerMapper);
        _comments = new RecordTable<AnonymousComment>(_responseTable, _commentMapper);
        _stamps = new SummaryStamps(tables);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The run and the team's open-run claim are inserted in one transaction: of two concurrent
    /// starts only one can insert the claim. The run's open mark in <c>PulseResponses</c> (see
    /// <see cref="TrySaveAnswerWhileOpenAsync"/>) and then the invitations follow, the latter in batches
    /// of 100 (other tables, so not in that transaction); if they fail, the run, its claim, its mark
    /// and the invitations written so far are deleted before the failure is rethrown, so a failed
    /// start leaves nothing.
    /// </remarks>
    public async Task<bool> TryStartRunAsync(PulseRun run, IReadOnlyCollection<string> invitedMemberIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(invitedMemberIds);
        if (run.State != PulseRunState.Open)
        {
            throw new ArgumentException($"Only an open run can be started; run {run.RunId} is {run.State}.", nameof(run));
        }

        // Built before anything is written, so an id that cannot be a key fails with nothing stored.
        // Upserts, because a chunk retried after a lost response must not conflict with itself.
        var invitations = invitedMemberIds.Distinct(StringComparer.Ordinal)
            .Select(memberId => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace, _invitationMapper.ToEntity(new Invitation(run.TeamId, run.RunId, memberId))))
            .ToList();

        if (!await TryClaimTeamAsync(run, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            // Before the invitations: nobody can answer a run whose answers could not be stored.
            await _responseTable.UpsertAsync(OpenMark(run.TeamId, run.RunId), cancellationToken).ConfigureAwait(false);
            ThrowIfFailed(await _invitationTable.SubmitBatchAsync(invitations, cancellationToken).ConfigureAwait(false), $"inviting members to run {run.RunId}");
        }
        catch (Exception failure)
        {
            await WithdrawAsync(run, failure).ConfigureAwait(false);
            throw;
        }

        return true;
    }

    /// <inheritdoc />
    public async Task<PulseRun?> GetRunAsync(string teamId, string runId, CancellationToken cancellationToken) =>
        (await _runs.GetAsync(TableKey.Encode(teamId), PulseRowKeys.Run(runId), cancellationToken).ConfigureAwait(false))?.Value;

    /// <inheritdoc />
    public Task<IReadOnlyList<PulseRun>> GetRecentRunsAsync(string teamId, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return ReadAsync(_runs, teamId, PulseRowKeys.RunPrefix, count, run => run, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> IsInvitedAsync(string teamId, string runId, string memberId, CancellationToken cancellationToken) =>
        await _invitationTable.GetAsync(TableKey.Encode(teamId), PulseRowKeys.Invitation(runId, memberId), cancellationToken).ConfigureAwait(false) is not null;

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetInvitedAsync(string teamId, string runId, CancellationToken cancellationToken) =>
        ReadAsync(_invitations, teamId, PulseRowKeys.InvitationPrefix(runId), int.MaxValue, invitation => invitation.MemberId, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// One upsert of one row, and nothing else: a changed answer replaces the old one under the same
    /// key, and no comment row is written (the comment is sealed in the answer until the close).
    /// </remarks>
    public async Task SaveAnswerAsync(string teamId, string runId, string answerKey, byte[] sealedAnswer, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(answerKey);
        ArgumentNullException.ThrowIfNull(sealedAnswer);
        await _responseTable.UpsertAsync(_answerMapper.ToEntity(new AnonymousAnswer(teamId, runId, new SealedAnswer(answerKey, sealedAnswer))), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One entity group transaction in the team's partition of <c>PulseResponses</c>: the answer's
    /// upsert and an empty merge of the run's open mark that must find it (If-Match *). The mark's
    /// Timestamp is therefore that of the run's latest answer write, which every answer row's own
    /// Timestamp already shows; the mark names no member and holds no value.
    /// </remarks>
    public async Task<bool> TrySaveAnswerWhileOpenAsync(string teamId, string runId, string answerKey, byte[] sealedAnswer, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(answerKey);
        ArgumentNullException.ThrowIfNull(sealedAnswer);
        var result = await _responseTable.SubmitBatchAsync(
            [
                new(TableTransactionActionType.UpsertReplace, _answerMapper.ToEntity(new AnonymousAnswer(teamId, runId, new SealedAnswer(answerKey, sealedAnswer)))),
                new(TableTransactionActionType.UpdateMerge, OpenMark(teamId, runId), ETag.All),
            ],
            cancellationToken).ConfigureAwait(false);
        if (ConflictOrThrow(result) is not { } conflict)
        {
            return true;
        }

        return conflict.Kind == StorageConflictKind.Missing && conflict.RowKey == PulseRowKeys.OpenMark(runId)
            ? false
            : throw new InvalidOperationException($"Storage refused an answer to run {runId}: {conflict}.");
    }

    /// <inheritdoc />
    public async Task<bool> HasAnswerAsync(string teamId, string runId, string answerKey, CancellationToken cancellationToken) =>
        await _responseTable.GetAsync(TableKey.Encode(teamId), PulseRowKeys.Answer(runId, answerKey), cancellationToken).ConfigureAwait(false) is not null;

    /// <inheritdoc />
    public async Task<byte[]?> GetAnswerAsync(string teamId, string runId, string answerKey, CancellationToken cancellationToken) =>
        (await _answers.GetAsync(TableKey.Encode(teamId), PulseRowKeys.Answer(runId, answerKey), cancellationToken).ConfigureAwait(false))?.Value.Answer.Sealed;

    /// <inheritdoc />
    public Task<IReadOnlyList<SealedAnswer>> GetAnswersAsync(string teamId, string runId, CancellationToken cancellationToken) =>
        ReadAsync(_answers, teamId, PulseRowKeys.AnswerPrefix(runId), int.MaxValue, stored => stored.Answer, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Shuffled on every read as well: no order should be there to read anything into.</remarks>
    public async Task<IReadOnlyList<string>> GetCommentsAsync(string teamId, string runId, CancellationToken cancellationToken)
    {
        var comments = (await ReadAsync(_comments, teamId, PulseRowKeys.CommentPrefix(runId), int.MaxValue, stored => stored.Text, cancellationToken)
            .ConfigureAwait(false)).Where(text => text.Length > 0).ToArray();
        RandomNumberGenerator.Shuffle(comments.AsSpan());
        return comments;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Three steps, each safe to repeat, in an order that makes a repeat after a crash at any point
    /// finish the job: (1) the run is marked closed and the team's open-run claim released, in one
    /// transaction, and then the run's open mark deleted, so no answer is stored from then on (a
    /// submit's transaction that found the mark committed before, and its answer is read next);
    /// (2) unless the run already has a roll-up,
    /// the sealed answers are read and rolled up, the comments written in shuffled batches under
    /// their place in the shuffle (a repeat writes the same places, so nothing is doubled), and then
    /// the roll-up, which marks the comments durable; (3) every sealed answer left is deleted. The
    /// comments are written at the close, in batches of up to 100 rows drawn at random, so their
    /// keys, Timestamps and ETags relate to no answer.
    /// </remarks>
    public async Task<PulseRollup> CloseRunAsync(PulseRun closedRun, Func<PulseRun, IReadOnlyList<SealedAnswer>, ClosedRunResults> rollUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closedRun);
        ArgumentNullException.ThrowIfNull(rollUp);
        if (closedRun.State != PulseRunState.Closed)
        {
            throw new ArgumentException($"Run {closedRun.RunId} must be marked closed to be closed; it is {closedRun.State}.", nameof(closedRun));
        }

        var run = await StopAnswersAsync(closedRun, cancellationToken).ConfigureAwait(false);
        var partitionKey = TableKey.Encode(run.TeamId);
        // Before the answers are read: a submit that finds no mark stores nothing, and one whose
        // transaction found it is stored already, so every acknowledged answer is rolled up.
        await _responseTable.DeleteAsync(partitionKey, PulseRowKeys.OpenMark(run.RunId), ETag.All, cancellationToken).ConfigureAwait(false);
        var rollup = (await _rollups.GetAsync(partitionKey, PulseRowKeys.Rollup(run.RunId), cancellationToken).ConfigureAwait(false))?.Value;
        if (rollup is null)
        {
            var results = rollUp(run, await GetAnswersAsync(run.TeamId, run.RunId, cancellationToken).ConfigureAwait(false));
            rollup = results.Rollup;
            if (rollup.TeamId != run.TeamId || rollup.RunId != run.RunId)
            {
                throw new ArgumentException($"The roll-up of run {rollup.RunId} does not belong to run {run.RunId}.", nameof(rollUp));
            }

            await WriteCommentsAsync(run, results.Comments, cancellationToken).ConfigureAwait(false);
            await _runTable.UpsertAsync(_rollupMapper.ToEntity(rollup), cancellationToken).ConfigureAwait(false);
        }

        await OptimisticRetry.RunAsync(token => DeleteAnswersAsync(run, token), $"the removal of run {run.RunId}'s answers", cancellationToken).ConfigureAwait(false);
        // Last, and on every call: a close repeated after a crash may have lost it the first time.
        await _stamps.ChangeAsync(run.TeamId, cancellationToken).ConfigureAwait(false);
        return rollup;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PulseRollup>> GetRecentRollupsAsync(string teamId, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return ReadAsync(_rollups, teamId, PulseRowKeys.RollupPrefix, count, rollup => rollup, cancellationToken);
    }

    // Reading stops after `limit` records, so the newest-first lists never page through the whole history.
    private static async Task<IReadOnlyList<TResult>> ReadAsync<TRecord, TResult>(
        RecordTable<TRecord> table, string teamId, string rowKeyPrefix, int limit, Func<TRecord, TResult> select, CancellationToken cancellationToken) =>
        // A limited read asks for one page of exactly that size, so "the last 12 roll-ups" costs
        // the same with 4 weeks of history as with 104.
        await table.QueryPartitionAsync(TableKey.Encode(teamId), rowKeyPrefix, limit == int.MaxValue ? null : limit, cancellationToken)
            .Take(limit)
            .Select(stored => select(stored.Value))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

    private static TableEntity OpenMark(string teamId, string runId) => new(TableKey.Encode(teamId), PulseRowKeys.OpenMark(runId));

    // A batch reports a lost race as a conflict and everything else as an error; only the race is the caller's to retry.
    private static StorageConflict? ConflictOrThrow(BatchResult result)
    {
        if (result.Error is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return result.Conflict;
    }

    private static void ThrowIfFailed(BatchResult result, string what)
    {
        if (ConflictOrThrow(result) is { } conflict)
        {
            throw new InvalidOperationException($"Storage refused {what}: {conflict}.");
        }
    }

    private async Task<bool> TryClaimTeamAsync(PulseRun run, CancellationToken cancellationToken)
    {
        var claim = new OpenRun(run.TeamId, run.RunId);
        var result = await _runTable.SubmitBatchAsync(
            [
                new(TableTransactionActionType.Add, _openRunMapper.ToEntity(claim)),
                new(TableTransactionActionType.Add, _runMapper.ToEntity(run)),
            ],
            cancellationToken).ConfigureAwait(false);
        if (ConflictOrThrow(result) is not { } conflict)
        {
            return true;
        }

        if (conflict.RowKey != PulseRowKeys.OpenRun)
        {
            throw new InvalidOperationException($"Team {run.TeamId} already has a run {run.RunId}; every run needs a new id.");
        }

        // The claim may be our own, written by an attempt whose response was lost and then retried.
        var holder = await _openRuns.GetAsync(conflict.PartitionKey, PulseRowKeys.OpenRun, cancellationToken).ConfigureAwait(false);
        return holder?.Value == claim;
    }

    // Undoes a start whose invitations failed: first the run and its claim, so the team can start
    // again, then the invitations written so far. It runs whatever the caller's token says, since
    // stopping half-way is what it repairs; each call is still bounded by the storage time budget.
    private async Task WithdrawAsync(PulseRun run, Exception failure)
    {
        var partitionKey = TableKey.Encode(run.TeamId);
        try
        {
            ThrowIfFailed(
                await _runTable.SubmitBatchAsync(
                    [
                        new(TableTransactionActionType.Delete, new TableEntity(partitionKey, PulseRowKeys.OpenRun), ETag.All),
                        new(TableTransactionActionType.Delete, new TableEntity(partitionKey, PulseRowKeys.Run(run.RunId)), ETag.All),
                    ],
                    CancellationToken.None).ConfigureAwait(false),
                "deleting the run");
        }
        catch (Exception ex) when (ex is InvalidOperationException or RequestFailedException or StorageUnavailableException)
        {
            throw new InvalidOperationException(
                $"Starting run {run.RunId} of team {run.TeamId} failed ({failure.Message}), and withdrawing it failed too ({ex.Message}): " +
                "the run stays open, possibly with some members uninvited, until it is closed.",
                failure);
        }

        try
        {
            await _responseTable.DeleteAsync(partitionKey, PulseRowKeys.OpenMark(run.RunId), ETag.All, CancellationToken.None).ConfigureAwait(false);
            var written = await _invitationTable.QueryPartitionAsync(partitionKey, PulseRowKeys.InvitationPrefix(run.RunId), cancellationToken: CancellationToken.None)
                .Select(invitation => new TableTransactionAction(TableTransactionActionType.Delete, invitation, ETag.All))
                .ToListAsync(CancellationToken.None).ConfigureAwait(false);
            ThrowIfFailed(await _invitationTable.SubmitBatchAsync(written, CancellationToken.None).ConfigureAwait(false), "deleting the invitations");
        }
        catch (Exception ex) when (ex is InvalidOperationException or RequestFailedException or StorageUnavailableException)
        {
            throw new InvalidOperationException(
                $"Starting run {run.RunId} of team {run.TeamId} failed ({failure.Message}); the run was withdrawn, but its invitations " +
                $"could not all be deleted ({ex.Message}). They name a run that no longer exists, and go with the team's or the member's data.",
                failure);
        }
    }

    // Step 1 of a close: the run as stored once it takes no more answers. A run closed before keeps
    // its stored closing time, so a repeat rolls up exactly what the first attempt would have.
    private async Task<PulseRun> StopAnswersAsync(PulseRun closedRun, CancellationToken cancellationToken)
    {
        var stored = await _runs.GetAsync(TableKey.Encode(closedRun.TeamId), PulseRowKeys.Run(closedRun.RunId), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Team {closedRun.TeamId} has no run {closedRun.RunId} to close.");
        if (stored.Value.State == PulseRunState.Closed)
        {
            return stored.Value;
        }

        await OptimisticRetry.RunAsync(token => TryMarkClosedAsync(closedRun, token), $"the close of run {closedRun.RunId}", cancellationToken).ConfigureAwait(false);
        return closedRun;
    }

    // One transaction in the team's partition: the run is replaced (it must exist, so a close never
    // brings back a deleted team's run) and the team's open-run claim deleted if it is this run's.
    private async Task<StorageConflict?> TryMarkClosedAsync(PulseRun closedRun, CancellationToken cancellationToken)
    {
        var runEntity = _runMapper.ToEntity(closedRun);
        var claim = await _openRuns.GetAsync(runEntity.PartitionKey, PulseRowKeys.OpenRun, cancellationToken).ConfigureAwait(false);
        List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, runEntity, ETag.All)];
        if (claim?.Value.RunId == closedRun.RunId)
        {
            actions.Add(new(TableTransactionActionType.Delete, _openRunMapper.ToEntity(claim.Value), claim.ETag));
        }

        var conflict = ConflictOrThrow(await _runTable.SubmitBatchAsync(actions, cancellationToken).ConfigureAwait(false));
        return conflict is { Kind: StorageConflictKind.Missing } && conflict.RowKey == runEntity.RowKey
            ? throw new InvalidOperationException($"Team {closedRun.TeamId} has no run {closedRun.RunId} to close.")
            : conflict;
    }

    // Shuffled before they are numbered and batched, so neither a comment's key nor the batch it was
    // written in (its Timestamp and ETag) follows any answer's order. Places left over from an
    // earlier attempt that found more comments are deleted, so a repeat never doubles one.
    private async Task WriteCommentsAsync(PulseRun run, IReadOnlyList<string> comments, CancellationToken cancellationToken)
    {
        var texts = comments.Where(text => !string.IsNullOrEmpty(text)).ToArray();
        RandomNumberGenerator.Shuffle(texts.AsSpan());
        var writes = texts
            .Select((text, place) => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace, _commentMapper.ToEntity(new AnonymousComment(run.TeamId, run.RunId, place, text))))
            .ToList();
        var leftOver = await _comments.QueryPartitionAsync(TableKey.Encode(run.TeamId), PulseRowKeys.CommentPrefix(run.RunId), cancellationToken: cancellationToken)
            .Where(stored => stored.Value.Place >= texts.Length)
            .Select(stored => new TableTransactionAction(TableTransactionActionType.Delete, _commentMapper.ToEntity(stored.Value), ETag.All))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(await _responseTable.SubmitBatchAsync([.. writes, .. leftOver], cancellationToken).ConfigureAwait(false), $"the comments of run {run.RunId}");
    }

    // Step 3 of a close, from a fresh read each time: a row another close deleted meanwhile is a lost race, tried again.
    private async Task<StorageConflict?> DeleteAnswersAsync(PulseRun run, CancellationToken cancellationToken)
    {
        var deletes = await _responseTable.QueryPartitionAsync(TableKey.Encode(run.TeamId), PulseRowKeys.AnswerPrefix(run.RunId), cancellationToken: cancellationToken)
            .Select(answer => new TableTransactionAction(TableTransactionActionType.Delete, answer, ETag.All))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return ConflictOrThrow(await _responseTable.SubmitBatchAsync(deletes, cancellationToken).ConfigureAwait(false));
    }
}
