using System.Collections.Concurrent;
using System.Diagnostics;

namespace TrustBot.Testing;

/// <summary>
/// Records this process's HTTP requests to storage while it lives (Azure SDK calls show up as
/// <c>System.Net.Http</c> activities): how many were made, and in how many sequential waves, i.e.
/// round trips a turn waited for one after another (requests that overlap in time share a wave).
/// </summary>
public sealed class StorageRequestLog : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<StorageRequest> _requests = new();

    /// <param name="isStorage">Whether a request (by URL) is one to count, e.g. it names a table with this host's prefix.</param>
    public StorageRequestLog(Func<Uri, bool> isStorage)
    {
        ArgumentNullException.ThrowIfNull(isStorage);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("url.full") is string url && isStorage(new Uri(url)))
                {
                    _requests.Enqueue(new StorageRequest(
                        activity.GetTagItem("http.request.method") as string ?? "?", new Uri(url), activity.StartTimeUtc, activity.StartTimeUtc + activity.Duration));
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>
    /// Requests to the Table service of a connection string (its <c>TableEndpoint</c>): all of them,
    /// batches included, whose URL names no table. Count only while nothing else uses that service.
    /// </summary>
    public static StorageRequestLog ForTables(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        const string key = "TableEndpoint=";
        var endpoint = new Uri(connectionString.Split(';').Single(part => part.StartsWith(key, StringComparison.Ordinal))[key.Length..]);
        return new(url => url.Port == endpoint.Port && url.Host == endpoint.Host);
    }

    /// <summary>The requests finished so far, in the order they started.</summary>
    public IReadOnlyList<StorageRequest> Requests => [.. _requests.OrderBy(request => request.Started)];

    /// <summary>How many requests finished so far.</summary>
    public int Count => _requests.Count;

    /// <summary>How many waves they came in: a request that starts after every earlier one ended starts a new wave.</summary>
    public int Waves => WavesOf(Requests);

    /// <summary>Forgets what was recorded, to count the next turn alone.</summary>
    public void Clear() => _requests.Clear();

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    /// <summary>The waves of requests given in the order they started.</summary>
    public static int WavesOf(IEnumerable<StorageRequest> byStart)
    {
        ArgumentNullException.ThrowIfNull(byStart);
        var waves = 0;
        var waveEnds = DateTime.MinValue;
        foreach (var request in byStart)
        {
            if (request.Started >= waveEnds)
            {
                waves++;
                waveEnds = request.Ended;
            }
            else if (request.Ended > waveEnds)
            {
                waveEnds = request.Ended;
            }
        }

        return waves;
    }
}

/// <summary>One storage request.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Url">Where it went.</param>
/// <param name="Started">When it started (UTC).</param>
/// <param name="Ended">When it ended (UTC).</param>
public sealed record StorageRequest(string Method, Uri Url, DateTime Started, DateTime Ended)
{
    /// <summary>The table it went to, without the prefix given, e.g. <c>PulseResponses</c> (or <c>$batch</c>).</summary>
    public string Table(string prefix) =>
        Uri.UnescapeDataString(Url.AbsolutePath).Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1)?.Split('(')[0]
            .Replace(prefix, string.Empty, StringComparison.OrdinalIgnoreCase) ?? "?";

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Uri.UnescapeDataString(Url.AbsolutePath)}";
}
