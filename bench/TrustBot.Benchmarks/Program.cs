using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Teams;
using TrustBot.Storage;
using TrustBot.Testing;

namespace TrustBot.Benchmarks;

/// <summary>
/// Pulse-submit turn latency against a bare "echo" turn (help: no storage I/O) of the same host,
/// in the same run, over HTTP on loopback with concurrent clients, storage on Azurite.
/// Target (issue 4): pulse-submit p50 &lt;= 2x echo p50 and p99 &lt;= 3x echo p99 at 32 clients.
/// </summary>
internal static class TurnLatencyBenchmark
{
    public static async Task Main(string[] args)
    {
        var clients = ArgValue(args, "--clients", 32);
        var requestsPerClient = ArgValue(args, "--requests", 50);
        const string TeamId = "19:bench-general@thread.tacv2";

        await using var azurite = new AzuriteFixture();
        await azurite.StartAsync();

        var port = LoopbackPorts.Free();
        await using var host = new BenchHost(azurite.ConnectionString, azurite.UniquePrefix());
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        host.StartServer();
        await host.Services.GetRequiredService<StorageInitializer>().Created;

        // One open run with every client invited, seeded through the real stores.
        var bank = host.Services.GetRequiredService<QuestionBank>();
        var now = DateTimeOffset.UtcNow;
        var run = new PulseRun(TeamId, PulseRunIds.New(now, Guid.NewGuid()), PulseItemSelector.Select(bank, []), now, now.AddDays(3), PulseRunState.Open, 3, clients);
        var members = Enumerable.Range(0, clients).Select(i => $"bench-member-{i:D4}").ToList();
        await host.Services.GetRequiredService<ITeamStore>().SaveTeamAsync(
            new Team(TeamId, "bench-tenant", "Bench", TeamKind.Team, TeamId, "https://smba.example/", now), CancellationToken.None);
        if (!await host.Services.GetRequiredService<IPulseStore>().TryStartRunAsync(run, members, CancellationToken.None))
        {
            throw new InvalidOperationException("Could not seed the pulse run.");
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        // Warm up both paths (JIT, connection pools, table clients) before measuring.
        await MeasureAsync("warm-up echo", member => Echo(member), 4, 10);
        await MeasureAsync("warm-up submit", member => Submit(member, 3), 4, 10);

        var echo = await MeasureAsync("echo (help)", member => Echo(member), clients, requestsPerClient);
        var submit = await MeasureAsync("pulse.submit", member => Submit(member, 1 + (Environment.TickCount & 3)), clients, requestsPerClient);

        Console.WriteLine();
        Console.WriteLine($"{clients} concurrent clients x {requestsPerClient} requests, loopback HTTP, Azurite");
        Console.WriteLine($"{"turn",-14} {"p50 ms",8} {"p99 ms",8} {"req/s",8}");
        foreach (var (name, stats) in new[] { ("echo (help)", echo), ("pulse.submit", submit) })
        {
            Console.WriteLine($"{name,-14} {stats.P50,8:0.0} {stats.P99,8:0.0} {stats.Throughput,8:0}");
        }

        Console.WriteLine($"ratio p50 {submit.P50 / echo.P50:0.00} (target <= 2), ratio p99 {submit.P99 / echo.P99:0.00} (target <= 3)");
        var answers = await host.Services.GetRequiredService<IPulseStore>().GetAnswersAsync(TeamId, run.RunId, CancellationToken.None);
        Console.WriteLine($"answers stored: {answers.Count} (one per member, however often each submitted)");

        HttpContent Echo(string member) => JsonContent.Create(Activity("message", member, new JsonObject { ["deliveryMode"] = "expectReplies", ["text"] = "help" }));

        HttpContent Submit(string member, int point)
        {
            var data = new JsonObject { ["teamId"] = TeamId, ["runId"] = run.RunId };
            foreach (var itemId in run.ItemIds)
            {
                data["score." + itemId] = point.ToString(CultureInfo.InvariantCulture);
            }

            return JsonContent.Create(Activity("invoke", member, new JsonObject
            {
                ["name"] = "adaptiveCard/action",
                ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "pulse.submit", ["data"] = data } },
            }));
        }

        static JsonObject Activity(string type, string member, JsonObject extra)
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

        async Task<LatencyStats> MeasureAsync(string name, Func<string, HttpContent> request, int concurrency, int perClient)
        {
            var latencies = new List<double>();
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async client =>
            {
                var mine = new List<double>(perClient);
                for (var i = 0; i < perClient; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsync("/api/messages", request(members[client % members.Count]));
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

        static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

        static int ArgValue(string[] args, string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}

internal sealed record LatencyStats(double P50, double P99, double Throughput);

internal sealed class BenchHost(string connectionString, string prefix) : WebApplicationFactory<Program>
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
