using Microsoft.Extensions.Caching.Memory;

namespace TrustBot.Delivery;

/// <summary>
/// A cached read that concurrent callers share: a fan-out starts dozens of deliveries at the same
/// moment, and with a plain get-or-create every one of them would miss the cold cache and read the
/// same row (measured: nearly one read of the run and one of the team per member under load).
/// </summary>
internal static class SharedLoads
{
    private static readonly Lock Creating = new();

    /// <summary>
    /// The cached value of <paramref name="key"/>, or the one load all callers wait on while it runs;
    /// kept for <paramref name="keepFor"/>. A load that fails is not kept: the next caller loads again.
    /// The load runs without the caller's token (another caller may still want it); the wait has it.
    /// </summary>
    public static Task<T> GetOrLoadOnceAsync<T>(this IMemoryCache cache, object key, TimeSpan keepFor, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(load);
        Lazy<Task<T>> shared;
        lock (Creating)
        {
            shared = cache.GetOrCreate(key, entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = keepFor;
                return new Lazy<Task<T>>(() => load(CancellationToken.None));
            })!;
        }

        var loading = shared.Value;
        _ = loading.ContinueWith(_ => cache.Remove(key), CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
        return loading.WaitAsync(cancellationToken);
    }
}
