namespace TrustBot.Testing;

/// <summary>
/// A token bucket holding one second's worth of requests and refilling continuously: a burst of up
/// to the rate passes at once, and over any longer span no more than the rate passes.
/// </summary>
internal sealed class TokenBucket
{
    private readonly Lock _lock = new();
    private readonly double _perSecond;
    private readonly double _capacity;
    private readonly TimeProvider _clock;
    private double _tokens;
    private long _refilledAt;

    public TokenBucket(double perSecond, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        _perSecond = perSecond;
        _capacity = Math.Max(1, perSecond);
        _clock = clock;
        _tokens = _capacity;
        _refilledAt = clock.GetTimestamp();
    }

    public bool TryTake()
    {
        lock (_lock)
        {
            var now = _clock.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (_clock.GetElapsedTime(_refilledAt, now).TotalSeconds * _perSecond));
            _refilledAt = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
