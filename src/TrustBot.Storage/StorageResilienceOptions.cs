namespace TrustBot.Storage;

/// <summary>
/// How hard storage calls are retried (configuration section <c>Storage:Resilience</c>).
/// The defaults suit production; tests shrink them to stay fast.
/// </summary>
public sealed class StorageResilienceOptions
{
    /// <summary>Upper bound on one storage call including all its retries; past it the call fails as unavailable.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a transient failure is retried.</summary>
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>The first retry delay; later ones double, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2);
}
