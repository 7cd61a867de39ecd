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

    public static async Task<BenchStack> StartAsync()
    {
        var stack = new BenchStack();
        await stack._azurite.StartAsync();
        stack.TablePort = new Uri(stack._azurite.ConnectionString.Split(';').Single(p => p.StartsWith("TableEndpoint=", StringComparison.Ordinal))["TableEndpoint=".Length..]).Port;
        var port = LoopbackPorts.Free();
        stack._host = new BenchHost(stack._azurite.ConnectionString, stack._azurite.UniquePrefix());
        stack._host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        stack._host.StartServer();
        await stack.Services.GetRequiredService<StorageInitializer>().Created;
        stack.Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        return stack;
    }

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
    public async Task<LatencyStats> MeasureAsync(string name, Func<int, HttpContent> request, int concurrency, int perClient)
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

    private sealed class BenchHost(string connectionString, string prefix) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSolutionRelativeContentRoot("src/TrustBot");
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:ConnectionString", connectionString);
            builder.UseSetting("Storage:NamePrefix", prefix);
            builder.UseSetting("Pulse:AnonymitySecret", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}

internal sealed record LatencyStats(double P50, double P99, double Throughput);
