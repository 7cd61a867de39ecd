using System.Threading.Channels;
using TrustBot.Domain.Scheduling;
using TrustBot.Storage.Delivery;

namespace TrustBot.Delivery;

/// <summary>
/// Records in the ledger what became of the claimed deliveries of one queue message, several in
/// one table transaction: a finished delivery waits up to <c>recordEvery</c> for others to finish
/// (the rate limiter sends a message's members one after another), then all waiting are written at
/// once. Renewals of the claims still being sent go through the same writer, one write at a time,
/// so a renewal never lands on a delivery recorded done.
/// </summary>
/// <remarks>
/// The wait is the price of batching: a process killed in it has sent deliveries that the ledger
/// still shows as being sent, and the next worker sends them again once the claims are stale (the
/// duplicate window the README describes). Done rows written together also share their write
/// time, which says even less about any one member than a row per send did.
/// </remarks>
internal sealed class DeliveryRecorder : IDisposable
{
    private readonly DeliveryLedger _ledger;
    private readonly IReadOnlyList<DeliveryRequest> _claimed;
    private readonly string _holder;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _recordEvery;
    private readonly Channel<DeliveryMark> _finished = Channel.CreateUnbounded<DeliveryMark>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<DeliveryRequest> _unfinished;
    private readonly TaskCompletionSource _allFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Task _recording;

    /// <summary>Starts recording for deliveries the caller has claimed (all of one batch).</summary>
    public DeliveryRecorder(DeliveryLedger ledger, IReadOnlyList<DeliveryRequest> claimed, string holder, TimeProvider clock, TimeSpan recordEvery)
    {
        _ledger = ledger;
        _claimed = claimed;
        _holder = holder;
        _clock = clock;
        _recordEvery = recordEvery;
        _unfinished = [.. claimed];
        _recording = RecordAsync();
    }

    /// <summary>The batch of the deliveries, for log lines.</summary>
    public string BatchId => _claimed[0].BatchId;

    /// <summary>Notes what became of one delivery; it is written with the next transaction.</summary>
    public void Finish(DeliveryRequest request, DeliveryState state, string? error = null)
    {
        bool last;
        lock (_unfinished)
        {
            if (!_unfinished.Remove(request))
            {
                return;
            }

            last = _unfinished.Count == 0;
        }

        _finished.Writer.TryWrite(new DeliveryMark(request, state, error));
        if (last)
        {
            _finished.Writer.TryComplete();
            _allFinished.TrySetResult();
        }
    }

    /// <summary>Completes once every delivery was finished and written; throws what a write threw.</summary>
    public Task RecordedAsync() => _recording;

    /// <inheritdoc />
    public void Dispose() => _writing.Dispose();

    /// <summary>Renews the claims of the deliveries not finished yet.</summary>
    public async Task RenewAsync()
    {
        await _writing.WaitAsync().ConfigureAwait(false);
        try
        {
            List<DeliveryMark> renewals;
            lock (_unfinished)
            {
                renewals = [.. _unfinished.Select(request => new DeliveryMark(request, DeliveryState.Sending))];
            }

            await _ledger.RecordAsync(renewals, _holder, _clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task RecordAsync()
    {
        var reader = _finished.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (!_allFinished.Task.IsCompleted)
            {
                // Real time, like the rate limiter whose pace it follows.
                await Task.WhenAny(_allFinished.Task, Task.Delay(_recordEvery)).ConfigureAwait(false);
            }

            var marks = new List<DeliveryMark>();
            while (reader.TryRead(out var mark))
            {
                marks.Add(mark);
            }

            await _writing.WaitAsync().ConfigureAwait(false);
            try
            {
                await _ledger.RecordAsync(marks, _holder, _clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _writing.Release();
            }
        }
    }
}
