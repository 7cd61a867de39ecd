namespace TrustBot.Domain.Scheduling;

/// <summary>Durable <see cref="ScheduledJob"/>s, ordered by when they are due.</summary>
public interface IJobStore
{
    /// <summary>Stores the job unless a job with its id is stored already (adding is repeatable).</summary>
    Task AddAsync(ScheduledJob job, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> jobs due at or before <paramref name="now"/>, earliest first (one range query).</summary>
    Task<IReadOnlyList<ScheduledJob>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Records how far a job got (<see cref="ScheduledJob.Progress"/>), so a repeat carries on from there.</summary>
    Task SaveProgressAsync(ScheduledJob job, CancellationToken cancellationToken);

    /// <summary>Deletes a finished job; deleting one that is gone already is not an error.</summary>
    Task CompleteAsync(ScheduledJob job, CancellationToken cancellationToken);
}
