using Microsoft.Extensions.Caching.Memory;

namespace TrustBot.Bot;

/// <summary>
/// An in-memory cache for what hot turns read often and what rarely changes, with a ceiling on its
/// entries and on how long each lives: it never grows with traffic (an entry over
/// <see cref="Capacity"/> is not kept, and the oldest are compacted away), and an entry whose change
/// went unnoticed is read again within <see cref="Lifetime"/>. Absent values (null) are not kept.
/// </summary>
/// <typeparam name="TKey">What an entry is found by; every key names its team, so no entry serves two teams.</typeparam>
/// <typeparam name="TValue">What is kept.</typeparam>
public class BoundedCache<TKey, TValue> : IDisposable
    where TKey : notnull
    where TValue : class
{
    private readonly MemoryCache _entries;

    /// <param name="capacity">The most entries kept at once.</param>
    /// <param name="lifetime">How long an entry is kept at most.</param>
    public BoundedCache(int capacity, TimeSpan lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        Lifetime = lifetime;
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });
    }

    /// <summary>The most entries kept at once.</summary>
    public int Capacity { get; }

    /// <summary>How long an entry is kept at most.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>How many entries are kept now.</summary>
    public int Count => _entries.Count;

    /// <summary>The kept value, or the one <paramref name="load"/> reads (kept unless null).</summary>
    public async Task<TValue?> GetOrLoadAsync(TKey key, Func<CancellationToken, Task<TValue?>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (_entries.TryGetValue(key, out TValue? kept) && kept is not null)
        {
            return kept;
        }

        var loaded = await load(cancellationToken).ConfigureAwait(false);
        if (loaded is not null)
        {
            _entries.Set(key, loaded, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }

        return loaded;
    }

    /// <summary>Forgets an entry (a change was noticed).</summary>
    public void Remove(TKey key) => _entries.Remove(key);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the entries.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _entries.Dispose();
        }
    }
}
