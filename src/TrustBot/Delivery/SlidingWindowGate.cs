namespace TrustBot.Delivery;

/// <summary>
/// At most <c>permits</c> grants in any window of <c>window</c> length, callers served first come,
/// first served. It remembers when each of the last <c>permits</c> grants was made and grants the
/// next one as soon as the oldest of them is more than a window old, reading the time when it is
/// asked and when its one timer fires.
/// </summary>
/// <remarks>
/// Why not a token bucket: one refilled on a timer loses rate whenever the timer fires late (a
/// loaded machine measured 0.87-0.91 of the limit), and one computed from elapsed time
/// (tokens = min(burst, tokens + elapsed x rate)) lets burst + rate x 1 s through in some one-second
/// window, so it either breaks Teams' "per second" limit or runs below it. Remembering the grants
/// is exact both ways: no window ever holds more than <c>permits</c>, and a grant made late only
/// delays the grants that depend on it by its own lateness, never loses a refill. After an idle
/// gap the burst is at most <c>permits</c>, the window's own allowance.
/// </remarks>
public sealed class SlidingWindowGate : IDisposable
{
    private readonly long[] _granted;
    private readonly long _window;
    private readonly TimeProvider _clock;
    private readonly LinkedList<Waiter> _waiting = new();
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;
    private bool _timerSet;

    /// <summary>A gate of <paramref name="permits"/> per <paramref name="window"/> on <paramref name="clock"/>.</summary>
    public SlidingWindowGate(int permits, TimeSpan window, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(clock);
        _granted = new long[permits];
        _clock = clock;
        // In the clock's own timestamp units, so no conversion rounds a window short.
        _window = (long)Math.Ceiling(window.TotalSeconds * clock.TimestampFrequency);
        _timer = clock.CreateTimer(_ => Pump(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Waits for a grant; <paramref name="cancellationToken"/> gives up the place in line.</summary>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var now = _clock.GetTimestamp();
            if (_waiting.Count == 0 && TryGrant(now))
            {
                return ValueTask.CompletedTask;
            }

            var waiter = new Waiter();
            var node = _waiting.AddLast(waiter);
            waiter.Registration = cancellationToken.Register(() => GiveUp(node, cancellationToken));
            ScheduleFrom(now);
            return new ValueTask(waiter.Granted.Task);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _timer.Dispose();
        List<Waiter> left;
        lock (_lock)
        {
            left = [.. _waiting];
            _waiting.Clear();
        }

        foreach (var waiter in left)
        {
            waiter.Registration.Dispose();
            waiter.Granted.TrySetException(new ObjectDisposedException(nameof(SlidingWindowGate)));
        }
    }

    // Grants every waiter whose turn has come, then sets the timer for the next one.
    private void Pump()
    {
        List<Waiter> granted = [];
        lock (_lock)
        {
            _timerSet = false;
            var now = _clock.GetTimestamp();
            while (_waiting.First is { } first && TryGrant(now))
            {
                _waiting.RemoveFirst();
                granted.Add(first.Value);
            }

            if (_waiting.Count > 0)
            {
                ScheduleFrom(now);
            }
        }

        // Outside the lock: the continuations run elsewhere, but the registrations' disposal may wait for a callback.
        foreach (var waiter in granted)
        {
            waiter.Registration.Dispose();
            waiter.Granted.TrySetResult();
        }
    }

    // A grant at `now` is allowed when fewer than `permits` were made in the window ending at `now`
    // (strictly more than a window ago counts as outside it, so no closed window of that length sees more).
    private bool TryGrant(long now)
    {
        if (_count == _granted.Length && now - _granted[_next] <= _window)
        {
            return false;
        }

        _granted[_next] = now;
        _next = (_next + 1) % _granted.Length;
        _count = Math.Min(_count + 1, _granted.Length);
        return true;
    }

    private void ScheduleFrom(long now)
    {
        if (_timerSet)
        {
            return;
        }

        // The oldest remembered grant leaves the window one tick after it is a window old.
        var ticks = Math.Max(1, _granted[_next] + _window + 1 - now);
        var due = TimeSpan.FromSeconds((double)ticks / _clock.TimestampFrequency);
        _timer.Change(due < TimeSpan.FromTicks(1) ? TimeSpan.FromTicks(1) : due, Timeout.InfiniteTimeSpan);
        _timerSet = true;
    }

    private void GiveUp(LinkedListNode<Waiter> node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (node.List is null)
            {
                return;
            }

            _waiting.Remove(node);
        }

        node.Value.Granted.TrySetCanceled(cancellationToken);
    }

    private sealed class Waiter
    {
        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
