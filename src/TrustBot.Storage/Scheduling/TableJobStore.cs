using Azure.Data.Tables;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Storage.Scheduling;

/// <summary>
/// <see cref="IJobStore"/> over the table <c>Jobs</c>: one partition for every pending job, row key
/// = the job id, which starts with the due time, so "what is due now" is one range query over the
/// start of the partition. Finished jobs are deleted, so the partition holds only what is pending.
/// </summary>
/// <remarks>
/// One partition for all teams is deliberate: only the planner (one instance, once a minute) reads
/// it, and writes come one per run opened, reminded or closed — far below a partition's limits.
/// </remarks>
public sealed class TableJobStore : IJobStore
{
    internal const string JobsTable = "Jobs";
    private const string Partition = "pending";

    private readonly StorageTable _table;
    private readonly RecordTable<ScheduledJob> _jobs;

    /// <summary>Uses the registered <c>Jobs</c> table.</summary>
    public TableJobStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(JobsTable);
        _jobs = new RecordTable<ScheduledJob>(_table, new ScheduledJobMapper());
    }

    /// <inheritdoc />
    public Task AddAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return _jobs.InsertUnlessPresentAsync(job, "a job", cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ScheduledJob>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        GetDueAsync(new DueJobQuery(now, max, max), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScheduledJob>> GetDueAsync(DueJobQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxPerTeam, 1);
        // '~' sorts after every character a job id uses after its due prefix.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {JobIds.DuePrefix(query.Now) + "~"}");
        if (query.Kinds is { Count: > 0 } kinds)
        {
            filter += " and (" + string.Join(" or ", kinds.Select(kind => TableClient.CreateQueryFilter($"Kind eq {kind.ToString()}"))) + ")";
        }

        // Backing off and per-team caps are judged here rather than in the filter: a missing RetryAt
        // (every job that never failed) cannot be compared server-side. The backed-off rows read on
        // the way are few: each is given up after SchedulerOptions.MaxAttempts.
        var mapper = new ScheduledJobMapper();
        var perTeam = new Dictionary<string, int>(StringComparer.Ordinal);
        var due = new List<ScheduledJob>();
        await foreach (var entity in _table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var job = mapper.FromEntity(entity);
            var taken = perTeam.GetValueOrDefault(job.TeamId);
            if (!job.IsDueAt(query.Now) || taken >= query.MaxPerTeam)
            {
                continue;
            }

            perTeam[job.TeamId] = taken + 1;
            due.Add(job);
            if (due.Count == query.Max)
            {
                break;
            }
        }

        return due;
    }

    /// <inheritdoc />
    public async Task SaveProgressAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        // Only the planner holding the lease runs jobs, so last writer wins is safe here.
        await _table.UpsertAsync(new ScheduledJobMapper().ToEntity(job), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RecordFailureAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        // A job that is gone (it finished before the failure, e.g. a crash right after its delete) stays gone.
        await _table.MergeAsync(new TableEntity(Partition, TableKey.Encode(job.JobId))
        {
            [nameof(ScheduledJob.Attempts)] = job.Attempts,
            [nameof(ScheduledJob.RetryAt)] = job.RetryAt,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CompleteAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await _table.DeleteAsync(Partition, TableKey.Encode(job.JobId), Azure.ETag.All, cancellationToken).ConfigureAwait(false);
    }

    private sealed class ScheduledJobMapper : IEntityMapper<ScheduledJob>
    {
        public TableEntity ToEntity(ScheduledJob record) => new(Partition, TableKey.Encode(record.JobId))
        {
            [nameof(ScheduledJob.Kind)] = record.Kind.ToString(),
            [nameof(ScheduledJob.TeamId)] = record.TeamId,
            [nameof(ScheduledJob.DueAt)] = record.DueAt,
            [nameof(ScheduledJob.Subject)] = record.Subject,
            [nameof(ScheduledJob.Progress)] = record.Progress,
            [nameof(ScheduledJob.Attempts)] = record.Attempts,
            [nameof(ScheduledJob.RetryAt)] = record.RetryAt,
        };

        public ScheduledJob FromEntity(TableEntity entity) => new(
            TableKey.Decode(entity.RowKey),
            entity.RequiredEnum<JobKind>(nameof(ScheduledJob.Kind)),
            entity.RequiredString(nameof(ScheduledJob.TeamId)),
            entity.RequiredDateTimeOffset(nameof(ScheduledJob.DueAt)),
            entity.RequiredString(nameof(ScheduledJob.Subject)),
            entity.GetString(nameof(ScheduledJob.Progress)),
            entity.GetInt32(nameof(ScheduledJob.Attempts)) ?? 0,
            entity.GetDateTimeOffset(nameof(ScheduledJob.RetryAt)));
    }
}
