namespace TrustBot.Domain.Scheduling;

/// <summary>Durable <see cref="ScheduledJob"/>s, ordered by when they are due.</summary>
public interface IJobStore
{
    /// <summary>Stores the job unless a job with its id is stored already (adding is repeatable).</summary>
    Task AddAsync(ScheduledJob job, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> jobs due at or before <paramref name="now"/> and not backing off, earliest first.</summary>
    Task<IReadOnlyList<ScheduledJob>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// The jobs <paramref name="query"/> asks for: due and not backing off, earliest first, at most
    /// <see cref="DueJobQuery.MaxPerTeam"/> of one team, so one team's backlog leaves room for the others'.
    /// </summary>
    Task<IReadOnlyList<ScheduledJob>> GetDueAsync(DueJobQuery query, CancellationToken cancellationToken);

    /// <summary>Records how far a job got (<see cref="ScheduledJob.Progress"/>) or how often it failed, so a repeat carries on from there.</summary>
    Task SaveProgressAsync(ScheduledJob job, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failure: the job's <see cref="ScheduledJob.Attempts"/> and <see cref="ScheduledJob.RetryAt"/>
    /// only, so what the failed run recorded (its progress) is kept; a job that is gone already stays gone.
    /// </summary>
    Task RecordFailureAsync(ScheduledJob job, CancellationToken cancellationToken);

    /// <summary>Deletes a finished job; deleting one that is gone already is not an error.</summary>
    Task CompleteAsync(ScheduledJob job, CancellationToken cancellationToken);
}

/// <summary>Which due jobs to read.</summary>
/// <param name="Now">Jobs due at or before this, and not backing off past it.</param>
/// <param name="Max">The most jobs to return.</param>
/// <param name="MaxPerTeam">The most jobs of one team to return.</param>
/// <param name="Kinds">Only these kinds; every kind when null.</param>
public sealed record DueJobQuery(DateTimeOffset Now, int Max, int MaxPerTeam, IReadOnlySet<JobKind>? Kinds = null);
