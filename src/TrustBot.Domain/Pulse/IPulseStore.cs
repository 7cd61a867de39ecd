namespace TrustBot.Domain.Pulse;

/// <summary>
/// Pulse runs, who was invited, the anonymous answers and comments, and the roll-ups.
/// Answers and comments are keyed by <see cref="AnonymousKeys"/>, never by member: who answered
/// can only be worked out by someone holding the anonymity secret (the bot, for reminders).
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
    /// Stores or replaces one member's answer and comment atomically. A null or empty comment
    /// removes a comment given earlier under the same key.
    /// </summary>
    Task SaveAnswerAsync(string teamId, string runId, string answerKey, PulseAnswer answer, string commentKey, string? comment, CancellationToken cancellationToken);

    /// <summary>Whether an answer is stored under the key (point read).</summary>
    Task<bool> HasAnswerAsync(string teamId, string runId, string answerKey, CancellationToken cancellationToken);

    /// <summary>The answer stored under the key, or null (so a member can review and change it).</summary>
    Task<PulseAnswer?> GetAnswerAsync(string teamId, string runId, string answerKey, CancellationToken cancellationToken);

    /// <summary>Every answer of the run (for the roll-up when it closes).</summary>
    Task<IReadOnlyList<PulseAnswer>> GetAnswersAsync(string teamId, string runId, CancellationToken cancellationToken);

    /// <summary>Every comment of the run, in no meaningful order.</summary>
    Task<IReadOnlyList<string>> GetCommentsAsync(string teamId, string runId, CancellationToken cancellationToken);

    /// <summary>Marks the run closed and stores its roll-up, atomically (one partition).</summary>
    Task CloseRunAsync(PulseRun closedRun, PulseRollup rollup, CancellationToken cancellationToken);

    /// <summary>The team's most recent roll-ups, newest first.</summary>
    Task<IReadOnlyList<PulseRollup>> GetRecentRollupsAsync(string teamId, int count, CancellationToken cancellationToken);
}
