namespace TrustBot.Domain.Pulse;

/// <summary>
/// Pulse runs, who was invited, the anonymous answers and comments, and the roll-ups.
/// While a run is open its answers are sealed rows keyed by <see cref="AnonymousKeys"/>, never by
/// member: who answered can only be worked out by someone holding the anonymity secret (the bot, for
/// reminders). At the close they become the roll-up and comments under keys that name nobody.
/// </summary>
public interface IPulseStore
{
    /// <summary>
    /// Stores a new run and its invitations (one per member). Returns false, writing nothing,
    /// when the team already has an open run.
    /// </summary>
    Task<bool> TryStartRunAsync(PulseRun run, IReadOnlyCollection<string> invitedMemberIds, CancellationToken cancellationToken);

    /// <summary>A run of the team, or null when the team has no such run.</summary>
    Task<PulseRun?> GetRunAsync(string teamId, string runId, CancellationToken cancellationToken);

    /// <summary>The team's most recent runs, newest first (one partition, range scan).</summary>
    Task<IReadOnlyList<PulseRun>> GetRecentRunsAsync(string teamId, int count, CancellationToken cancellationToken);

    /// <summary>Whether the member was invited to the run (point read).</summary>
    Task<bool> IsInvitedAsync(string teamId, string runId, string memberId, CancellationToken cancellationToken);

    /// <summary>The members invited to the run.</summary>
    Task<IReadOnlyList<string>> GetInvitedAsync(string teamId, string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores or replaces one member's sealed answer (<see cref="AnswerSeal"/>: scores, picks and
    /// comment together) under its anonymous key: exactly one row, one write.
    /// </summary>
    Task SaveAnswerAsync(string teamId, string runId, string answerKey, byte[] sealedAnswer, CancellationToken cancellationToken);

    /// <summary>
    /// Stores or replaces one member's sealed answer in the same transaction that finds the run's
    /// open mark, which the close deletes before it reads the answers: true when stored (and then
    /// the close counts it), false, writing nothing, once the close has begun. A run started before
    /// open marks existed has none either: the caller tells the two apart by the run's state.
    /// One request, whatever the outcome.
    /// </summary>
    Task<bool> TrySaveAnswerWhileOpenAsync(string teamId, string runId, string answerKey, byte[] sealedAnswer, CancellationToken cancellationToken);

    /// <summary>Whether an answer is stored under the key (point read; only while the run is open: the close removes answers).</summary>
    Task<bool> HasAnswerAsync(string teamId, string runId, string answerKey, CancellationToken cancellationToken);

    /// <summary>The sealed answer stored under the key, or null (so a member can review and change it while the run is open).</summary>
    Task<byte[]?> GetAnswerAsync(string teamId, string runId, string answerKey, CancellationToken cancellationToken);

    /// <summary>Every sealed answer of the run still stored (all of them while it is open, none once it is closed).</summary>
    Task<IReadOnlyList<SealedAnswer>> GetAnswersAsync(string teamId, string runId, CancellationToken cancellationToken);

    /// <summary>Every comment of a closed run, in no meaningful order (none while it is open: comments are sealed in the answers until the close).</summary>
    Task<IReadOnlyList<string>> GetCommentsAsync(string teamId, string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Closes the run, parts the comments from the scores and removes the sealed answers: the run
    /// stops taking answers, <paramref name="rollUp"/> turns the sealed answers into the roll-up and
    /// the comments, which are stored apart from any score, and then the sealed answers are deleted.
    /// Safe to call again after a failure at any step, and on a run already closed (it finishes
    /// what is left and returns the stored roll-up): nothing is lost or stored twice.
    /// </summary>
    /// <param name="closedRun">The run marked closed, with the time it closes (kept from the first call when it was closed before).</param>
    /// <param name="rollUp">Opens the sealed answers of the run (as stored, closed) and rolls them up; called at most once per successful close.</param>
    /// <param name="cancellationToken">Cancels the work (a later call finishes it).</param>
    /// <returns>The run's roll-up.</returns>
    Task<PulseRollup> CloseRunAsync(PulseRun closedRun, Func<PulseRun, IReadOnlyList<SealedAnswer>, ClosedRunResults> rollUp, CancellationToken cancellationToken);

    /// <summary>The team's most recent roll-ups, newest first.</summary>
    Task<IReadOnlyList<PulseRollup>> GetRecentRollupsAsync(string teamId, int count, CancellationToken cancellationToken);
}

/// <summary>A sealed answer as stored: its anonymous key (bound into the seal) and the sealed bytes.</summary>
/// <param name="AnswerKey">The key it is stored under (<see cref="AnonymousKeys.AnswerKey"/>).</param>
/// <param name="Sealed">What <see cref="AnswerSeal.Seal"/> made of it.</param>
public sealed record SealedAnswer(string AnswerKey, byte[] Sealed);

/// <summary>What a close keeps of a run's answers: the roll-up and the comments, parted from the scores.</summary>
/// <param name="Rollup">The run's roll-up.</param>
/// <param name="Comments">The non-empty comments, in any order (the store shuffles them).</param>
public sealed record ClosedRunResults(PulseRollup Rollup, IReadOnlyList<string> Comments);
