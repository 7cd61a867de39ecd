using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Storage;
using TrustBot.Storage.Delivery;

namespace TrustBot.Delivery;

/// <summary>
/// Consumes the delivery queue on every instance: for each message (the deliveries of one batch to
/// up to <see cref="PendingDeliveries.RecipientsPerMessage"/> members), claims them in the ledger in
/// one transaction, composes and sends each through <see cref="ITeamsMessenger"/> (rate-limited and
/// retried by <see cref="TeamsThrottle"/>), records them done a few at a time
/// (<see cref="DeliveryRecorder"/>) and deletes the message. A message seen again finds its
/// deliveries done and drops them; one that keeps failing goes to
/// <see cref="DeliveryFailures"/>; a member Teams refuses (403/404: blocked or uninstalled) is
/// marked unreachable and skipped from then on.
/// </summary>
public sealed partial class DeliveryWorker : BackgroundService
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(100);

    private readonly PendingDeliveries _queue;
    private readonly DeliveryLedger _ledger;
    private readonly DeliveryFailures _failures;
    private readonly ITeamStore _teams;
    private readonly ITeamRosterStore _rosters;
    private readonly ITeamsMessenger _messenger;
    private readonly Dictionary<DeliveryKind, IDeliveryComposer> _composers;
    private readonly StorageInitializer _storage;
    private readonly IMemoryCache _cache;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _clock;
    private readonly string _holder;
    private readonly ILogger<DeliveryWorker> _logger;

    /// <summary>Creates the worker over the registered composers (one per <see cref="DeliveryKind"/>).</summary>
    public DeliveryWorker(
        PendingDeliveries queue,
        DeliveryLedger ledger,
        DeliveryFailures failures,
        ITeamStore teams,
        ITeamRosterStore rosters,
        ITeamsMessenger messenger,
        IEnumerable<IDeliveryComposer> composers,
        StorageInitializer storage,
        IMemoryCache cache,
        BotInstance instance,
        IOptions<DeliveryOptions> options,
        TimeProvider clock,
        ILogger<DeliveryWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue;
        _ledger = ledger;
        _failures = failures;
        _teams = teams;
        _rosters = rosters;
        _messenger = messenger;
        _composers = composers.SelectMany(composer => composer.Kinds.Select(kind => (kind, composer))).ToDictionary(pair => pair.kind, pair => pair.composer);
        _storage = storage;
        _cache = cache;
        _options = options.Value;
        _clock = clock;
        _holder = instance.Id;
        _logger = logger;
    }

    /// <summary>
    /// Handles messages until the queue is empty and returns how many were handled. For tests and
    /// the Development hook, where no background worker runs; the background loop does the same.
    /// </summary>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (true)
        {
            var messages = await _queue.ReceiveAsync(PendingDeliveries.MaxReceive, _options.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
            if (messages.Count == 0)
            {
                return handled;
            }

            await Task.WhenAll(messages.Select(message => HandleAsync(message, cancellationToken))).ConfigureAwait(false);
            handled += messages.Count;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        await _storage.Created.WaitAsync(stoppingToken).ConfigureAwait(false);
        using var slots = new SemaphoreSlim(_options.Concurrency, _options.Concurrency);
        var running = new HashSet<Task>();
        var idle = FirstPoll;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                var free = 1;
                while (free < PendingDeliveries.MaxReceive && slots.Wait(0, CancellationToken.None))
                {
                    free++;
                }

                var queuedHere = _queue.NextQueuedHere;
                var messages = await ReceiveAsync(free, stoppingToken).ConfigureAwait(false);
                if (messages.Count < free)
                {
                    // SemaphoreSlim.Release(0) throws: release only the slots no message took.
                    slots.Release(free - messages.Count);
                }
                if (messages.Count == 0)
                {
                    idle = await IdleAsync(idle, queuedHere, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                idle = FirstPoll;
                foreach (var message in messages)
                {
                    var task = HandleAndReleaseAsync(message, slots, stoppingToken);
                    lock (running)
                    {
                        running.Add(task);
                    }

                    _ = task.ContinueWith(done => { lock (running) { running.Remove(done); } }, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: let the deliveries in hand finish (or hand their messages back) first.
        }

        Task[] left;
        lock (running)
        {
            left = [.. running];
        }

        await Task.WhenAll(left).ConfigureAwait(false);
    }

    // Waits out the poll interval, cut short when this instance queues a message (then the next
    // interval is the shortest again), and returns the next interval: doubled up to the maximum.
    private async Task<TimeSpan> IdleAsync(TimeSpan idle, Task queuedHere, CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        // Real time: it paces polls of a real queue.
        var interval = Task.Delay(idle, waiting.Token);
        if (await Task.WhenAny(interval, queuedHere).ConfigureAwait(false) == queuedHere)
        {
            await waiting.CancelAsync().ConfigureAwait(false);
            return FirstPoll;
        }

        await interval.ConfigureAwait(false);
        return TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollInterval.Ticks));
    }

    private async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int max, CancellationToken stoppingToken)
    {
        try
        {
            return await _queue.ReceiveAsync(max, _options.VisibilityTimeout, stoppingToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            LogStorageUnavailable(ex);
            return [];
        }
    }

    private async Task HandleAndReleaseAsync(QueueMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await HandleAsync(message, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await HandleOneAsync(message, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Not sent: hand the message back at once rather than after its visibility timeout.
            await _queue.ReleaseAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            // The message comes back after its visibility timeout; its delivery was not recorded done.
            LogStorageUnavailable(ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Left in the queue: it comes back, and after MaxAttempts it is recorded as a failure.
            LogUnexpectedMessage(ex, message.MessageId);
        }
    }

    private async Task HandleOneAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        var requests = PendingDeliveries.Read(message);
        if (requests is null)
        {
            await _failures.RecordUnreadableAsync(message.MessageId, _clock.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            await _queue.DeleteAsync(message, stoppingToken).ConfigureAwait(false);
            LogUnreadable(message.MessageId);
            return;
        }

        if (message.DequeueCount > _options.MaxAttempts)
        {
            // Not cut short by a stop: a failure recorded but its message left would be given up twice.
            await GiveUpAsync(message, requests, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        // Not cut short by a stop either: claims written but not returned would hold the deliveries until they went stale.
        var claims = await _ledger.ClaimAsync(requests, _holder, _clock.GetUtcNow(), _options.VisibilityTimeout, CancellationToken.None).ConfigureAwait(false);
        List<DeliveryRequest> claimed = [.. claims.Where(claim => claim.Outcome == DeliveryClaimOutcome.Claimed).Select(claim => claim.Request)];
        // Another worker is sending some of them: if it dies, the message comes back for those.
        var othersSending = claims.Any(claim => claim.Outcome == DeliveryClaimOutcome.InFlight);
        if (claimed.Count == 0)
        {
            if (!othersSending)
            {
                await _queue.DeleteAsync(message, stoppingToken).ConfigureAwait(false);
            }

            return;
        }

        // Sends can wait long (the rate limit, a 429's Retry-After): keep the message hidden and the
        // claims fresh meanwhile, or another worker would take both for abandoned and send again.
        var inHand = new MessageInHand(message);
        using var recorder = new DeliveryRecorder(_ledger, claimed, _holder, _clock, _options.RecordEvery);
        SendResult[] results;
        using (var sending = new CancellationTokenSource())
        {
            var keepAlive = KeepInHandAsync(inHand, recorder, sending.Token);
            try
            {
                results = await Task.WhenAll(claimed.Select(request => DeliverAsync(request, recorder, stoppingToken))).ConfigureAwait(false);
            }
            finally
            {
                await sending.CancelAsync().ConfigureAwait(false);
                await keepAlive.ConfigureAwait(false);
            }
        }

        // What Teams answered is recorded whatever happens next: a claim left "sending" would be
        // taken over once stale and its message sent a second time.
        await recorder.RecordedAsync().ConfigureAwait(false);
        if (results.Contains(SendResult.Stopped))
        {
            // Not all sent: hand the message back at once rather than after its visibility timeout.
            await _queue.ReleaseAsync(inHand.Current, CancellationToken.None).ConfigureAwait(false);
        }
        else if (!othersSending && !results.Contains(SendResult.Failed))
        {
            await _queue.DeleteAsync(inHand.Current, CancellationToken.None).ConfigureAwait(false);
        }

        // Otherwise the message comes back after its visibility timeout for the deliveries that failed.
    }

    // One delivery of a message, recorded done or failed in every case.
    private async Task<SendResult> DeliverAsync(DeliveryRequest request, DeliveryRecorder recorder, CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await SendAsync(request, stoppingToken).ConfigureAwait(false);
            // Teams has answered: a stop must not cut the rest short.
            if (outcome == DeliveryOutcome.Unreachable && request.Recipient is { } member)
            {
                await _rosters.MarkUnreachableAsync(request.TeamId, member.MemberId, _clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                LogUnreachable(request.BatchId);
            }

            recorder.Finish(request, DeliveryState.Done);
            return SendResult.Done;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            recorder.Finish(request, DeliveryState.Failed, "The instance stopped before sending.");
            return SendResult.Stopped;
        }
        catch (Exception ex) when (ex is not StorageUnavailableException && TeamsThrottle.StatusOf(ex) is not null)
        {
            // Retries within this attempt are spent; the message comes back after its visibility timeout.
            recorder.Finish(request, DeliveryState.Failed, Describe(ex));
            LogSendFailed(ex, request.BatchId);
            return SendResult.Failed;
        }
        catch (Exception ex)
        {
            recorder.Finish(request, DeliveryState.Failed, Describe(ex));
            LogUnexpected(ex, request.BatchId);
            return SendResult.Failed;
        }
    }

    // Renews the message's visibility and the claims every third of the visibility timeout until the sends are over.
    private async Task KeepInHandAsync(MessageInHand inHand, DeliveryRecorder recorder, CancellationToken sendingOver)
    {
        var every = _options.VisibilityTimeout / 3;
        try
        {
            while (true)
            {
                // Real time: the queue's visibility timeout runs on the service's clock, not the app's.
                await Task.Delay(every, sendingOver).ConfigureAwait(false);
                inHand.Current = await _queue.ExtendAsync(inHand.Current, _options.VisibilityTimeout, CancellationToken.None).ConfigureAwait(false);
                await recorder.RenewAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (sendingOver.IsCancellationRequested)
        {
            // The sends are over.
        }
        catch (Exception ex) when (ex is StorageUnavailableException or Azure.RequestFailedException)
        {
            // Could not renew: at worst the message comes back and the claims go stale, as after a crash.
            LogKeepAliveFailed(ex, recorder.BatchId);
        }
    }

    private async Task<DeliveryOutcome> SendAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        var team = await _cache.GetOrLoadOnceAsync(
            ("delivery-team", request.TeamId), TimeSpan.FromMinutes(1), token => _teams.GetTeamAsync(request.TeamId, token), cancellationToken).ConfigureAwait(false);
        if (team is null || !_composers.TryGetValue(request.Kind, out var composer))
        {
            return DeliveryOutcome.Skipped;
        }

        if (await composer.ComposeAsync(request, team, cancellationToken).ConfigureAwait(false) is not { } message)
        {
            if (request.Recipient is { } skipped)
            {
                // A reminder skipped because the member answered waits its turn like one sent, then is
                // recorded done exactly as a send is: the ledger must not show who answered.
                await _messenger.PaceToMemberAsync(team, new RosterMember(skipped.MemberId, skipped.UserId, null), cancellationToken).ConfigureAwait(false);
            }

            return DeliveryOutcome.Skipped;
        }

        try
        {
            if (request.Recipient is { } member)
            {
                await _messenger.SendToMemberAsync(team, new RosterMember(member.MemberId, member.UserId, null), message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _messenger.PostToTeamAsync(team, message, cancellationToken).ConfigureAwait(false);
            }

            return DeliveryOutcome.Sent;
        }
        catch (Exception ex) when (TeamsThrottle.StatusOf(ex) is 403 or 404)
        {
            // Blocked, uninstalled, or (for a channel) the bot was removed: retrying cannot help.
            return DeliveryOutcome.Unreachable;
        }
    }

    // Only the deliveries not done yet are given up: the others of the message reached their members.
    private async Task GiveUpAsync(QueueMessage message, IReadOnlyList<DeliveryRequest> requests, CancellationToken cancellationToken)
    {
        var unfinished = await _ledger.UnfinishedAsync(requests, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        var given = new List<DeliveryMark>(unfinished.Count);
        foreach (var (request, lastError) in unfinished)
        {
            var error = lastError ?? "No error was recorded (the worker may have stopped mid-delivery).";
            await _failures.RecordAsync(request, (int)message.DequeueCount - 1, error, now, cancellationToken).ConfigureAwait(false);
            given.Add(new DeliveryMark(request, DeliveryState.Abandoned, error));
            LogGaveUp(request.BatchId, request.Kind, error);
        }

        await _ledger.RecordAsync(given, _holder, now, cancellationToken).ConfigureAwait(false);
        await _queue.DeleteAsync(message, cancellationToken).ConfigureAwait(false);
    }

    // Status and type only: connector error bodies can echo the message, which may carry names.
    private static string Describe(Exception exception) =>
        $"{exception.GetType().Name}: HTTP {TeamsThrottle.StatusOf(exception)}";

    // The message a delivery holds, with the pop receipt of its latest renewal.
    private sealed class MessageInHand(QueueMessage message)
    {
        public QueueMessage Current { get; set; } = message;
    }

    private enum DeliveryOutcome
    {
        Sent,
        Skipped,
        Unreachable,
    }

    private enum SendResult
    {
        Done,
        Failed,
        Stopped,
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery of batch {BatchId} failed; it is tried again later.")]
    private partial void LogSendFailed(Exception exception, string batchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery of batch {BatchId} could not be kept in hand while it waited to send; it may come back to another worker.")]
    private partial void LogKeepAliveFailed(Exception exception, string batchId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A member of batch {BatchId} cannot be reached (blocked or uninstalled); they are skipped from now on.")]
    private partial void LogUnreachable(string batchId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A delivery of batch {BatchId} ({Kind}) was given up after repeated failures: {Error}. See the DeliveryFailures table.")]
    private partial void LogGaveUp(string batchId, DeliveryKind kind, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue message {MessageId} is not a delivery request; recorded in DeliveryFailures and deleted.")]
    private partial void LogUnreadable(string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue message {MessageId} failed unexpectedly; it comes back after its visibility timeout.")]
    private partial void LogUnexpectedMessage(Exception exception, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A delivery of batch {BatchId} failed unexpectedly; it is tried again later.")]
    private partial void LogUnexpected(Exception exception, string batchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery could not reach storage; messages in hand come back after their visibility timeout.")]
    private partial void LogStorageUnavailable(Exception exception);
}
