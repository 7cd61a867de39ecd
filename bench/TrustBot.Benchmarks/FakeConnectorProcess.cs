using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TrustBot.Testing;

namespace TrustBot.Benchmarks;

/// <summary>
/// The fake Bot Connector in a process of its own, so the fan-out benchmark's memory and CPU
/// figures are the bot's and not the fake's record of every card it received. This executable
/// serves it when started with <c>--fake-connector</c>; the bench reads what it received from a
/// small stats endpoint next to it (polled, cheaply, while a run goes on).
/// </summary>
internal sealed class FakeConnectorProcess : IDisposable
{
    private const string Mode = "--fake-connector";

    private readonly ChildProcess _process;
    private readonly HttpClient _stats;

    private FakeConnectorProcess(ChildProcess process, int connectorPort, int statsPort)
    {
        _process = process;
        ServiceUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{connectorPort}/");
        _stats = new HttpClient { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{statsPort}/")) };
    }

    /// <summary>The service URL to give the bot.</summary>
    public string ServiceUrl { get; }

    /// <summary>The fake's process, for its memory and CPU.</summary>
    public ChildProcess Process => _process;

    /// <summary>Whether these arguments ask this executable to be the fake connector.</summary>
    public static bool IsRequested(string[] args) => args.Contains(Mode);

    /// <summary>Starts the fake in a child process allowing <paramref name="limit"/> sends a second.</summary>
    public static async Task<FakeConnectorProcess> StartAsync(int limit, string tenantId)
    {
        var (connectorPort, statsPort) = (LoopbackPorts.Free(), LoopbackPorts.Free());
        var process = ChildProcess.Start(
            "dotnet",
            [Assembly.GetExecutingAssembly().Location, Mode, "--limit", Text(limit), "--port", Text(connectorPort), "--stats-port", Text(statsPort), "--tenant", tenantId],
            AppContext.BaseDirectory);
        await LoopbackPorts.WaitUntilListeningAsync(statsPort, TimeSpan.FromSeconds(60), process);
        return new FakeConnectorProcess(process, connectorPort, statsPort);
    }

    /// <summary>The child's side: serves the fake and its stats until killed.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var tenant = args[Array.IndexOf(args, "--tenant") + 1];
        await using var connector = await FakeBotConnector.StartAsync(new FakeConnectorOptions
        {
            MessagesPerSecond = BenchStack.ArgValue(args, "--limit", 50),
            Port = BenchStack.ArgValue(args, "--port", 0),
            TenantId = tenant,
        });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, BenchStack.ArgValue(args, "--stats-port", 0)));
        await using var app = builder.Build();
        app.MapGet("/count", () => Results.Text(Text(connector.Received.Count)));
        app.MapGet("/stats", () => Results.Json(new FakeStats(
            connector.ConversationsCreated,
            connector.Throttled,
            [.. connector.Received.Select(activity => new FakeSend(activity.RecipientUserId, activity.At))])));
        await app.RunAsync();
        return 0;
    }

    /// <summary>How many activities the fake has accepted.</summary>
    public async Task<int> CountAsync() => int.Parse(await _stats.GetStringAsync(new Uri("count", UriKind.Relative)), CultureInfo.InvariantCulture);

    /// <summary>Everything the fake accepted and refused so far.</summary>
    public async Task<FakeStats> StatsAsync() =>
        await _stats.GetFromJsonAsync<FakeStats>(new Uri("stats", UriKind.Relative)) ?? throw new InvalidOperationException("The fake connector sent no stats.");

    /// <summary>Polls until the fake has accepted <paramref name="count"/> activities; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitForDeliveriesAsync(int count, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await CountAsync() < count)
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The fake connector had not received {count} activities after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    public void Dispose()
    {
        _stats.Dispose();
        _process.Dispose();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the fake connector has done: conversations created, 429s answered, and every send it accepted.</summary>
internal sealed record FakeStats(int Created, int Throttled, IReadOnlyList<FakeSend> Sends)
{
    /// <summary>Sends per member (Teams user id).</summary>
    public Dictionary<string, int> PerMember() =>
        Sends.Where(send => send.To is not null).GroupBy(send => send.To!).ToDictionary(group => group.Key, group => group.Count());
}

/// <summary>A send the fake accepted: to whom (null: a channel) and when.</summary>
internal sealed record FakeSend(string? To, DateTimeOffset At);
