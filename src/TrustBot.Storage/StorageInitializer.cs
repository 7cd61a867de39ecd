using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrustBot.Storage;

/// <summary>
/// Creates the registered tables and queues when the host starts. Building it builds
/// <see cref="StorageAccount"/>, so bad storage configuration stops the host at start with the
/// reason. Storage that does not answer yet does not: creation is tried again until it succeeds,
/// so an instance started during a storage outage recovers on its own (readiness can wait for
/// <see cref="Created"/>).
/// </summary>
public sealed partial class StorageInitializer : BackgroundService
{
    private readonly StorageTables _tables;
    private readonly StorageAccount _account;
    private readonly StorageResilience _resilience;
    private readonly IReadOnlyList<QueueRegistration> _queues;
    private readonly TimeSpan _pause;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<StorageInitializer> _logger;
    private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the initializer; <paramref name="options"/> gives the pause between attempts (the longest retry delay).</summary>
    public StorageInitializer(
        StorageTables tables,
        StorageAccount account,
        StorageResilience resilience,
        IEnumerable<QueueRegistration> queues,
        IOptions<StorageOptions> options,
        TimeProvider timeProvider,
        ILogger<StorageInitializer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tables = tables;
        _account = account;
        _resilience = resilience;
        _queues = queues.DistinctBy(queue => queue.Name).ToList();
        _pause = options.Value.Resilience.MaxDelay;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Completes once every registered table and queue exists.</summary>
    public Task Created => _created.Task;

    /// <summary>Creates every registered table and queue that does not exist yet, once; throws <see cref="StorageUnavailableException"/> when storage does not answer.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in _tables.Registered)
        {
            var table = _tables.Get(registration.Name);
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            LogCreated("table", table.Name);
        }

        foreach (var registration in _queues)
        {
            var queue = _account.Queue(registration.Name);
            await _resilience.ExecuteAsync(token => queue.CreateIfNotExistsAsync(cancellationToken: token), cancellationToken).ConfigureAwait(false);
            LogCreated("queue", queue.Name);
        }

        _created.TrySetResult();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!_created.Task.IsCompleted)
        {
            try
            {
                await EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (StorageUnavailableException ex)
            {
                LogNotYetCreated(ex);
                await Task.Delay(_pause, _timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage {Kind} {Name} is ready.")]
    private partial void LogCreated(string kind, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage tables and queues could not be created yet; trying again.")]
    private partial void LogNotYetCreated(Exception exception);
}
