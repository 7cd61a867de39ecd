using Azure.Data.Tables;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Storage.Scheduling;

/// <summary>
/// Jobs the planner gave up after repeated failures, for operators to look at: table
/// <c>JobFailures</c>, partition = team (so it goes with the team), row = the job id. Each row
/// keeps the job whole (kind, subject, progress) and the type of the last error — never its
/// message, which may quote a name. Nothing here is retried by itself.
/// </summary>
public sealed class JobFailures
{
    internal const string FailuresTable = "JobFailures";

    private readonly StorageTable _table;

    /// <summary>Uses the registered <c>JobFailures</c> table.</summary>
    public JobFailures(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(FailuresTable);
    }

    /// <summary>Records a job that was given up after <see cref="ScheduledJob.Attempts"/> failures, with the type of the last error.</summary>
    public async Task RecordAsync(ScheduledJob job, string errorType, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await _table.UpsertAsync(new TableEntity(TableKey.Encode(job.TeamId), TableKey.Encode(job.JobId))
        {
            [nameof(ScheduledJob.Kind)] = job.Kind.ToString(),
            [nameof(ScheduledJob.DueAt)] = job.DueAt,
            [nameof(ScheduledJob.Subject)] = job.Subject,
            [nameof(ScheduledJob.Progress)] = job.Progress,
            [nameof(ScheduledJob.Attempts)] = job.Attempts,
            ["Error"] = errorType,
            ["FailedAt"] = at,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many given-up jobs are recorded, counting up to <paramref name="cap"/> (keys only are read).</summary>
    public async Task<int> CountAsync(int cap, CancellationToken cancellationToken) =>
        await _table.QueryAsync("PartitionKey ge ''", select: ["RowKey"], cancellationToken: cancellationToken)
            .Take(cap)
            .CountAsync(cancellationToken)
            .ConfigureAwait(false);
}
