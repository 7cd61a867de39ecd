using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TrustBot.Domain.Scheduling;
using TrustBot.Storage;
using TrustBot.Storage.Scheduling;

namespace TrustBot.Scheduling;

/// <summary>
/// Runs due jobs. Every instance runs a planner, but only the one holding the storage lease
/// <c>planner</c> plans: it wakes every <see cref="SchedulerOptions.PlanInterval"/> (and at once
/// when a turn has written an intent, see <see cref="Wake"/>), renews the lease, and runs what is
/// due. The work itself (sending cards) fans out through the delivery queue, so one planner is
/// never the bottleneck.
/// </summary>
/// <remarks>
/// A job that throws is tried again after a backoff (<see cref="SchedulerOptions.BackoffAfter"/>)
/// and given up after <see cref="SchedulerOptions.MaxAttempts"/> (recorded in <see cref="JobFailures"/>,
/// shown by <c>/readyz</c>). A tick takes at most <see cref="SchedulerOptions.MaxJobsPerTeamPerTick"/>
/// jobs of one team and runs the teams in turn, so one team's failures never hold another's jobs back.
/// </remarks>
public sealed partial class JobPlanner : BackgroundService
{
    private const string LeaseName = "planner";

    private readonly IJobStore _jobs;
    private readonly JobFailures _failures;
    private readonly Dictionary<JobKind, IJobHandler> _handlers;
    private readonly StorageTables _tables;
    private readonly StorageInitializer _storage;
    private readonly SchedulerOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<JobPlanner> _logger;
    private readonly BotInstance _instance;

    // At most one wake waits: many turns at once wake the planner once.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Creates the planner over the registered job handlers (one per <see cref="JobKind"/>).</summary>
    public JobPlanner(
        IJobStore jobs,
        JobFailures failures,
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
        _failures = failures;
        _handlers = handlers.ToDictionary(handler => handler.Kind);
        _tables = tables;
        _storage = storage;
        _instance = instance;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Asks the planner to run the due turn intents (<see cref="TurnIntents"/>) now rather than at
    /// its next tick; a turn calls it right after writing one. Only the instance holding the lease
    /// acts on it; on the others the intent waits for the lease holder's next tick.
    /// </summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>
    /// Runs the jobs due now (see the remarks on <see cref="JobPlanner"/> for how many and in what
    /// order) and returns how many finished. A job that throws backs off or is given up.
    /// </summary>
    public Task<int> RunDueJobsAsync(CancellationToken cancellationToken) => RunDueJobsAsync(kinds: null, lease: null, cancellationToken);

    /// <summary>Runs the due turn intents only: what a <see cref="Wake"/> does. Returns how many finished.</summary>
    public Task<int> RunTurnIntentsAsync(CancellationToken cancellationToken) => RunDueJobsAsync(TurnIntents.Kinds, lease: null, cancellationToken);

    /// <summary>
    /// Runs the jobs due now while holding <paramref name="lease"/>: it is renewed before each job,
    /// and the tick stops as soon as it is lost (another instance plans now). Returns how many finished.
    /// </summary>
    public Task<int> RunDueJobsAsync(StorageLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return RunDueJobsAsync(kinds: null, lease, cancellationToken);
    }

    private async Task<int> RunDueJobsAsync(IReadOnlySet<JobKind>? kinds, StorageLease? lease, CancellationToken cancellationToken)
    {
        var query = new DueJobQuery(_clock.GetUtcNow(), _options.MaxJobsPerTick, _options.MaxJobsPerTeamPerTick, kinds);
        var due = await _jobs.GetDueAsync(query, cancellationToken).ConfigureAwait(false);
        var finished = 0;
        foreach (var job in TeamsInTurn(due))
        {
            if (lease is not null && !await lease.RenewAsync(cancellationToken).ConfigureAwait(false))
            {
                LogLeaseLost();
                break;
            }

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
                await BackOffOrGiveUpAsync(job, ex, cancellationToken).ConfigureAwait(false);
            }
        }

        return finished;
    }

    // Earliest first within a team, one job of each team in turn: a team whose jobs are slow to fail
    // delays another team's by one job at most.
    private static IEnumerable<ScheduledJob> TeamsInTurn(IReadOnlyList<ScheduledJob> due)
    {
        var queues = due.GroupBy(job => job.TeamId, StringComparer.Ordinal).Select(team => new Queue<ScheduledJob>(team)).ToList();
        while (queues.Count > 0)
        {
            foreach (var queue in queues)
            {
                yield return queue.Dequeue();
            }

            queues.RemoveAll(queue => queue.Count == 0);
        }
    }

    private async Task BackOffOrGiveUpAsync(ScheduledJob job, Exception error, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var failed = job with { Attempts = job.Attempts + 1 };
        if (failed.Attempts >= _options.MaxAttempts)
        {
            // Recorded before it is deleted: a crash in between records it again, harmlessly.
            await _failures.RecordAsync(failed, error.GetType().Name, now, cancellationToken).ConfigureAwait(false);
            await _jobs.CompleteAsync(failed, cancellationToken).ConfigureAwait(false);
            LogJobGivenUp(failed.JobId, failed.Kind, failed.Attempts, error.GetType().Name);
            return;
        }

        var retryAt = now + _options.BackoffAfter(failed.Attempts);
        await _jobs.RecordFailureAsync(failed with { RetryAt = retryAt }, cancellationToken).ConfigureAwait(false);
        LogJobFailed(error, failed.JobId, failed.Kind, failed.Attempts, retryAt);
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
        var tick = Task.FromResult(true);
        Task<bool>? woken = null;
        try
        {
            while (true)
            {
                woken ??= _wake.Reader.WaitToReadAsync(stoppingToken).AsTask();
                await Task.WhenAny(tick, woken).ConfigureAwait(false);
                var ticked = tick.IsCompleted;
                if (ticked && !await tick.ConfigureAwait(false))
                {
                    break;
                }

                if (woken.IsCompleted)
                {
                    await woken.ConfigureAwait(false);
                    _wake.Reader.TryRead(out _);
                    woken = null;
                }

                try
                {
                    held = held ? await lease.RenewAsync(stoppingToken).ConfigureAwait(false) : await lease.TryAcquireAsync(stoppingToken).ConfigureAwait(false);
                    if (held)
                    {
                        // A wake between ticks runs the turns' intents only; everything else keeps its pace.
                        await (ticked ? RunDueJobsAsync(kinds: null, lease, stoppingToken) : RunDueJobsAsync(TurnIntents.Kinds, lease, stoppingToken)).ConfigureAwait(false);
                    }
                }
                catch (StorageUnavailableException ex)
                {
                    held = false;
                    LogStorageUnavailable(ex);
                }

                if (ticked)
                {
                    tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                }
            }
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) failed (attempt {Attempts}); it runs again at {RetryAt:o}.")]
    private partial void LogJobFailed(Exception exception, string jobId, JobKind kind, int attempts, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) was given up after {Attempts} failed attempts (last: {ErrorType}). See the JobFailures table.")]
    private partial void LogJobGivenUp(string jobId, JobKind kind, int attempts, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The planner lost its lease during a tick; another instance plans now.")]
    private partial void LogLeaseLost();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} is of kind {Kind}, which this version cannot run; left for a version that can.")]
    private partial void LogNoHandler(string jobId, JobKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The planner could not reach storage; it tries again on the next tick.")]
    private partial void LogStorageUnavailable(Exception exception);
}
