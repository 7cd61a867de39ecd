using Microsoft.Extensions.Options;
using TrustBot.Domain.Scheduling;
using TrustBot.Storage;

namespace TrustBot.Scheduling;

/// <summary>
/// Runs due jobs. Every instance runs a planner, but only the one holding the storage lease
/// <c>planner</c> plans: it wakes every <see cref="SchedulerOptions.PlanInterval"/>, renews the
/// lease, and runs what is due. The work itself (sending cards) fans out through the delivery
/// queue, so one planner is never the bottleneck.
/// </summary>
public sealed partial class JobPlanner : BackgroundService
{
    private const string LeaseName = "planner";

    private readonly IJobStore _jobs;
    private readonly Dictionary<JobKind, IJobHandler> _handlers;
    private readonly StorageTables _tables;
    private readonly StorageInitializer _storage;
    private readonly SchedulerOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<JobPlanner> _logger;
    private readonly BotInstance _instance;

    /// <summary>Creates the planner over the registered job handlers (one per <see cref="JobKind"/>).</summary>
    public JobPlanner(
        IJobStore jobs,
        IEnumerable<IJobHandler> handlers,
        StorageTables tables,
        StorageInitializer storage,
        BotInstance instance,
        IOptions<SchedulerOptions> options,
        TimeProvider clock,
        ILogger<JobPlanner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _jobs = jobs;
        _handlers = handlers.ToDictionary(handler => handler.Kind);
        _tables = tables;
        _storage = storage;
        _instance = instance;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Runs every job due now (up to <see cref="SchedulerOptions.MaxJobsPerTick"/>), earliest first,
    /// and returns how many finished. A job that throws stays and is tried again on the next tick.
    /// </summary>
    public async Task<int> RunDueJobsAsync(CancellationToken cancellationToken)
    {
        var finished = 0;
        foreach (var job in await _jobs.GetDueAsync(_clock.GetUtcNow(), _options.MaxJobsPerTick, cancellationToken).ConfigureAwait(false))
        {
            if (!_handlers.TryGetValue(job.Kind, out var handler))
            {
                // Written by a newer version during a rolling deployment: leave it for that version.
                LogNoHandler(job.JobId, job.Kind);
                continue;
            }

            try
            {
                await handler.RunAsync(job, cancellationToken).ConfigureAwait(false);
                await _jobs.CompleteAsync(job, cancellationToken).ConfigureAwait(false);
                finished++;
                LogJobDone(job.JobId, job.Kind);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogJobFailed(ex, job.JobId, job.Kind);
            }
        }

        return finished;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        await _storage.Created.WaitAsync(stoppingToken).ConfigureAwait(false);
        // Three ticks long: a planner that misses two renewals in a row gives the job to another instance.
        var lease = new StorageLease(_tables.Get(StorageLease.TableName), LeaseName, _instance.Id, _options.PlanInterval * 3, _clock);
        using var timer = new PeriodicTimer(_options.PlanInterval, _clock);
        var held = false;
        try
        {
            do
            {
                try
                {
                    held = held ? await lease.RenewAsync(stoppingToken).ConfigureAwait(false) : await lease.TryAcquireAsync(stoppingToken).ConfigureAwait(false);
                    if (held)
                    {
                        await RunDueJobsAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (StorageUnavailableException ex)
                {
                    held = false;
                    LogStorageUnavailable(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            if (held)
            {
                await ReleaseQuietlyAsync(lease).ConfigureAwait(false);
            }
        }
    }

    // Another instance takes over at once instead of waiting for the lease to expire.
    private async Task ReleaseQuietlyAsync(StorageLease lease)
    {
        try
        {
            await lease.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            LogStorageUnavailable(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) done.")]
    private partial void LogJobDone(string jobId, JobKind kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) failed; it runs again on the next tick.")]
    private partial void LogJobFailed(Exception exception, string jobId, JobKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} is of kind {Kind}, which this version cannot run; left for a version that can.")]
    private partial void LogNoHandler(string jobId, JobKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The planner could not reach storage; it tries again on the next tick.")]
    private partial void LogStorageUnavailable(Exception exception);
}
