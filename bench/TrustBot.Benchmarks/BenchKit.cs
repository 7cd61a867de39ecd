using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Storage;
using TrustBot.Testing;

namespace TrustBot.Benchmarks;

/// <summary>The bot on Kestrel (loopback) over Azurite, and a load generator that measures turn latency.</summary>
internal sealed class BenchStack : IAsyncDisposable
{
    private readonly AzuriteFixture _azurite = new();
    private BenchHost? _host;

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => _host!.Services;

    public int TablePort { get; private set; }

    public int QueuePort { get; private set; }

    /// <summary>The prefix of this host's table and queue names.</summary>
    public string NamePrefix { get; private set; } = string.Empty;

    /// <param name="settings">Configuration for the bot beyond the bench's own (e.g. <c>Delivery:…</c>).</param>
    public static async Task<BenchStack> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var stack = new BenchStack();
        await stack._azurite.StartAsync();
        stack.TablePort = stack.EndpointPort("TableEndpoint=");
        stack.QueuePort = stack.EndpointPort("QueueEndpoint=");
        stack.NamePrefix = stack._azurite.UniquePrefix();
        var port = LoopbackPorts.Free();
        stack._host = new BenchHost(stack._azurite.ConnectionString, stack.NamePrefix, settings ?? new Dictionary<string, string>());
        stack._host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        stack._host.StartServer();
        await stack.Services.GetRequiredService<StorageInitializer>().Created;
        stack.Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        return stack;
    }

    /// <summary>Stops the bot (its delivery workers finish what they hold), then Azurite.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    /// <summary>Each client sends its requests one after another; all clients at once.</summary>
    /// <param name="name">The turn's name, for errors.</param>
    /// <param name="request">The activity client i sends.</param>
    /// <param name="concurrency">How many clients.</param>
    /// <param name="perClient">How many requests each sends.</param>
    /// <param name="thenAlso">Work timed with each request, after its response (e.g. a storage call, for a floor); none when null.</param>
    public async Task<LatencyStats> MeasureAsync(string name, Func<int, HttpContent> request, int concurrency, int perClient, Func<Task>? thenAlso = null)
    {
        var latencies = new List<double>();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async client =>
        {
            var mine = new List<double>(perClient);
            for (var i = 0; i < perClient; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await Http.PostAsync("/api/messages", request(client));
                await response.Content.ReadAsByteArrayAsync();
                if (thenAlso is not null)
                {
                    await thenAlso();
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{name}: HTTP {(int)response.StatusCode}");
                }
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        }));
        latencies.Sort();
        return new LatencyStats(Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count / wall.Elapsed.TotalSeconds);
    }

    /// <summary>A Teams-shaped activity from a member's personal chat.</summary>
    public static JsonObject Activity(string type, string member, JsonObject extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = "https://smba.example/",
            ["from"] = new JsonObject { ["id"] = "29:" + member, ["aadObjectId"] = member },
            ["recipient"] = new JsonObject { ["id"] = "28:bench-bot" },
            ["conversation"] = new JsonObject { ["id"] = "a:" + member, ["conversationType"] = "personal", ["tenantId"] = "bench-tenant" },
        };
        foreach (var (key, value) in extra)
        {
            activity[key] = value?.DeepClone();
        }

        return activity;
    }

    /// <summary>A message that expects its replies in the response body.</summary>
    public static JsonObject Message(string member, string text) =>
        Activity("message", member, new JsonObject { ["deliveryMode"] = "expectReplies", ["text"] = text });

    public static int ArgValue(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static void Print(string title, params (string Name, LatencyStats Stats)[] rows)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"{"turn",-22} {"p50 ms",8} {"p99 ms",8} {"req/s",8}");
        foreach (var (name, stats) in rows)
        {
            Console.WriteLine($"{name,-22} {stats.P50,8:0.0} {stats.P99,8:0.0} {stats.Throughput,8:0}");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The Azurite (node) process this stack started, found by its table port; null where /proc cannot tell (not Linux).</summary>
    public Process? FindAzuriteProcess()
    {
        var port = TablePort.ToString(CultureInfo.InvariantCulture);
        foreach (var node in Process.GetProcessesByName("node"))
        {
            var commandLine = $"/proc/{node.Id}/cmdline";
            if (File.Exists(commandLine) && File.ReadAllText(commandLine).Split('\0').SkipWhile(arg => arg != "--tablePort").Skip(1).FirstOrDefault() == port)
            {
                return node;
            }

            node.Dispose();
        }

        return null;
    }

    private int EndpointPort(string key) =>
        new Uri(_azurite.ConnectionString.Split(';').Single(p => p.StartsWith(key, StringComparison.Ordinal))[key.Length..]).Port;

    private sealed class BenchHost(string connectionString, string prefix, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSolutionRelativeContentRoot("src/TrustBot");
            // The load generator sends unsigned activities, which only Development accepts (outside it the
            // host needs an app id and checks every token against Microsoft Entra, unreachable here).
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:ConnectionString", connectionString);
            builder.UseSetting("Storage:NamePrefix", prefix);
            builder.UseSetting("Pulse:AnonymitySecret", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

/// <summary>
/// Counts this process's outgoing HTTP requests while it lives, grouped by the name a classifier
/// gives each (from its URL and method; null: not counted), with their mean duration.
/// </summary>
internal sealed class HttpRequestCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, RequestTally> _tallies = new(StringComparer.Ordinal);

    public HttpRequestCounter(Func<Uri, string, string?> classify)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("url.full") is string url
                    && classify(new Uri(url), activity.GetTagItem("http.request.method") as string ?? "?") is { } name)
                {
                    _tallies.GetOrAdd(name, _ => new RequestTally()).Add(activity.Duration);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Total => _tallies.Values.Sum(tally => tally.Count);

    /// <summary>Each kind of request with how many were made and their mean duration, most frequent first.</summary>
    public IReadOnlyList<(string Name, int Count, double MeanMs)> Tallies =>
        [.. _tallies.Select(pair => (pair.Key, pair.Value.Count, pair.Value.MeanMs)).OrderByDescending(row => row.Count)];

    public void Dispose() => _listener.Dispose();

    private sealed class RequestTally
    {
        private readonly Lock _lock = new();
        private double _totalMs;

        public int Count { get; private set; }

        public double MeanMs
        {
            get
            {
                lock (_lock)
                {
                    return Count == 0 ? 0 : _totalMs / Count;
                }
            }
        }

        public void Add(TimeSpan duration)
        {
            lock (_lock)
            {
                Count++;
                _totalMs += duration.TotalMilliseconds;
            }
        }
    }
}

internal sealed record LatencyStats(double P50, double P99, double Throughput);
