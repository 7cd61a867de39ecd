using TrustBot.Domain.Scheduling;

namespace TrustBot.Scheduling;

/// <summary>
/// Does one kind of <see cref="ScheduledJob"/> when it is due. The planner deletes the job once
/// <see cref="RunAsync"/> returns; when it throws, the job stays and runs again on the next tick,
/// so a handler must be safe to run twice (skip what was done, use <see cref="IJobStore.SaveProgressAsync"/>).
/// </summary>
public interface IJobHandler
{
    /// <summary>The kind of job this handler does.</summary>
    JobKind Kind { get; }

    /// <summary>Does the job.</summary>
    Task RunAsync(ScheduledJob job, CancellationToken cancellationToken);
}
