namespace TrustBot.Scheduling;

/// <summary>
/// The system clock plus an offset that only moves forward: in Development, a person trying the
/// bot (or an end-to-end test) can jump to next week's check-in without waiting for it.
/// Registered only in the Development environment; everywhere else the clock is the system's.
/// </summary>
public sealed class DevelopmentClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far ahead of the system clock this clock runs.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward by <paramref name="by"/> (which must not be negative: time does not run back).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
