namespace TrustBot.Domain.Scheduling;

/// <summary>
/// Something the bot must do at a time: open, remind or close a pulse run, sync a roster. Jobs are
/// durable; the planner runs the ones that are due and deletes each once it is done. Running a job
/// twice (after a crash) must do no harm, so every job is written to be repeatable.
/// </summary>
/// <param name="JobId">Unique and deterministic (see <see cref="JobIds"/>): adding the same job twice stores it once.</param>
/// <param name="Kind">What to do.</param>
/// <param name="TeamId">The team it is for.</param>
/// <param name="DueAt">When it is due (UTC).</param>
/// <param name="Subject">What it acts on: a run id, a schedule revision, an incident id.</param>
/// <param name="Progress">What a half-done run of the job recorded (e.g. the run it opened), so a repeat carries on from there.</param>
/// <param name="Attempts">How many times the job has failed so far.</param>
/// <param name="RetryAt">After a failure, when the job is due again (it backs off); null when it has not failed.</param>
public sealed record ScheduledJob(
    string JobId,
    JobKind Kind,
    string TeamId,
    DateTimeOffset DueAt,
    string Subject,
    string? Progress = null,
    int Attempts = 0,
    DateTimeOffset? RetryAt = null)
{
    /// <summary>Whether the job may run at <paramref name="now"/>: it is due and not backing off after a failure.</summary>
    public bool IsDueAt(DateTimeOffset now) => DueAt <= now && (RetryAt is null || RetryAt <= now);

    /// <summary>The job of this kind, team and subject due at <paramref name="dueAt"/>, with its deterministic id.</summary>
    public static ScheduledJob Plan(JobKind kind, string teamId, string subject, DateTimeOffset dueAt) =>
        new(JobIds.For(kind, teamId, subject, dueAt), kind, teamId, dueAt, subject);
}

/// <summary>The kinds of <see cref="ScheduledJob"/>.</summary>
public enum JobKind
{
    /// <summary>Open the team's scheduled pulse run (subject: the schedule revision) and plan the next one.</summary>
    OpenPulse,

    /// <summary>Remind the run's members who have not answered (subject: the run id).</summary>
    RemindPulse,

    /// <summary>Close the run and roll it up (subject: the run id).</summary>
    ClosePulse,

    /// <summary>Read the team's roster from Teams and store it (subject: what asked for it, e.g. <c>install</c>).</summary>
    SyncRoster,

    /// <summary>A step of an incident's recovery plan (subject: <c>RecoveryNudges.Subject(incidentId, step)</c>).</summary>
    RecoveryNudge,

    /// <summary>
    /// Delete a removed team's kept data once its retention window is over (subject: when it was
    /// removed, as <see cref="JobIds.DuePrefix"/>); does nothing if the bot was installed again.
    /// </summary>
    PurgeTeam,

    /// <summary>
    /// Delete the incident webhooks' replay records whose timestamp window has passed (subject: the
    /// minute the requests were signed in; the team is the one whose webhook was called).
    /// </summary>
    ExpireWebhookReplays,

    /// <summary>Offer the team's leads a check-in pulse because the team changed (subject: when the change was judged a risk, in UTC ticks).</summary>
    SuggestCheckIn,

    /// <summary>Remind an action item's owner (subject: <c>ActionReminders.Subject(item, kind)</c>); nothing when the item changed since.</summary>
    ActionReminder,

    /// <summary>Tell the team's leads which action items are overdue and plan next week's (subject: <c>ActionReminders.DigestSubject</c>).</summary>
    ActionDigest,

    /// <summary>Send a closed run's results to its members, with the lead's line if one was written by then (subject: the run id).</summary>
    PulseResults,

    /// <summary>
    /// A lead's <c>start pulse</c>, written by the turn before it answers: read the roster, open the
    /// run, queue its cards and plan its reminder and close (subject: a fresh id of the request;
    /// progress: the run it opened).
    /// </summary>
    StartPulse,

    /// <summary>
    /// A lead's <c>open vote</c>, written by the turn before it answers: read the roster, open the
    /// vote and queue its ballots (subject: a fresh id of the request; progress: the vote it opened).
    /// </summary>
    OpenVote,
}

/// <summary>Which <see cref="JobKind"/>s a turn writes for the planner to do at once.</summary>
public static class TurnIntents
{
    /// <summary>The kinds a turn writes as its whole intent, due at once; a woken planner runs these first.</summary>
    public static IReadOnlySet<JobKind> Kinds { get; } = new HashSet<JobKind> { JobKind.StartPulse, JobKind.OpenVote };
}
