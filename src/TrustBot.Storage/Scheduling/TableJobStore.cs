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
    public async Task<IReadOnlyList<ScheduledJob>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        // '~' sorts after every character a job id uses after its due prefix.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {JobIds.DuePrefix(now) + "~"}");
        var mapper = new ScheduledJobMapper();
        return await _table.QueryAsync(filter, pageSize: max, cancellationToken: cancellationToken)
            .Take(max)
            .Select(mapper.FromEntity)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SaveProgressAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        // Only the planner holding the lease runs jobs, so last writer wins is safe here.
        await _table.UpsertAsync(new ScheduledJobMapper().ToEntity(job), cancellationToken).ConfigureAwait(false);
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
        };

        public ScheduledJob FromEntity(TableEntity entity) => new(
            TableKey.Decode(entity.RowKey),
            entity.RequiredEnum<JobKind>(nameof(ScheduledJob.Kind)),
            entity.RequiredString(nameof(ScheduledJob.TeamId)),
            entity.RequiredDateTimeOffset(nameof(ScheduledJob.DueAt)),
            entity.RequiredString(nameof(ScheduledJob.Subject)),
            entity.GetString(nameof(ScheduledJob.Progress)));
    }
}
