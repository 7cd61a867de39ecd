using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Delivery;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Teams;
using TrustBot.Pulse;
using TrustBot.Storage;
using TrustBot.Storage.Delivery;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;

namespace TrustBot.Tests.Delivery;

/// <summary>
/// A team of numbered members stored on Azurite, a fake Bot Connector that serves the team, and
/// real bot hosts over that storage with their delivery workers running in the background at a
/// test's pace. Everything is sent over loopback HTTP as in production; only the clock is real.
/// </summary>
public sealed class DeliveryStack : IAsyncDisposable
{
    public const string TeamConversationId = "19:delivery-team@thread.tacv2";
    public const string TenantId = "5b1f3c2e-8d4a-4f6b-9c7e-2a1d0e9f8b7c";

    /// <summary>How long a test waits for what it expects before it fails (generous: CI machines are small).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly AzuriteFixture _azurite;
    private readonly string _prefix;
    private readonly List<TrustBotHost> _hosts = [];
    private readonly List<BotProcess> _processes = [];

    private DeliveryStack(AzuriteFixture azurite, FakeBotConnector connector, IReadOnlyList<RosterMember> roster)
    {
        _azurite = azurite;
        _prefix = azurite.UniquePrefix();
        Connector = connector;
        Roster = roster;
        Team = new Team(TeamConversationId, TenantId, "Delivery team", TeamKind.Team, TeamConversationId, connector.ServiceUrl, DateTimeOffset.UtcNow);
    }

    /// <summary>The stand-in for Teams that every host sends to.</summary>
    public FakeBotConnector Connector { get; }

    public Team Team { get; }

    /// <summary>Members aad-0001 / 29:user-0001 onwards.</summary>
    public IReadOnlyList<RosterMember> Roster { get; }

    /// <summary>A fake connector and a team of <paramref name="members"/> (stored only once a host starts: see <see cref="StoreTeamAsync"/>).</summary>
    public static async Task<DeliveryStack> StartAsync(AzuriteFixture azurite, int members)
    {
        IReadOnlyList<RosterMember> roster = [.. Enumerable.Range(1, members).Select(Member)];
        var connector = await FakeBotConnector.StartAsync();
        connector.SetRoster(TeamConversationId, [.. roster.Select(m => new FakeMember(m.UserId, m.MemberId, m.Name!))]);
        return new DeliveryStack(azurite, connector, roster);
    }

    /// <summary>A 3 s visibility timeout: a message a stopped host held, or a failed attempt's, comes back that soon.</summary>
    public static readonly IReadOnlyDictionary<string, string?> QuickReturn = new Dictionary<string, string?> { ["Delivery:VisibilityTimeout"] = "00:00:03" };

    /// <summary>
    /// A bot instance on this stack's storage, its workers delivering in the background with fast
    /// settings (3 attempts, 50 ms backoff, 1000 messages/s, 200 ms longest poll), the planner off
    /// and only warnings logged; <paramref name="overrides"/> change any of them.
    /// </summary>
    public TrustBotHost StartHost(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var host = TrustBotHost.OnAzurite(_azurite.ConnectionString, _prefix, extra: WorkerSettings(overrides));
        _hosts.Add(host);
        // Building the host starts it: its workers poll from now on.
        _ = host.Services;
        return host;
    }

    /// <summary>
    /// The built bot as a process of its own on this stack's storage, with the settings of
    /// <see cref="StartHost"/>: a host a test can kill with SIGKILL. It dies with the stack at the latest.
    /// </summary>
    public async Task<BotProcess> StartProcessAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = TrustBotHost.Settings(_azurite.ConnectionString, _prefix);
        foreach (var (key, value) in WorkerSettings(overrides))
        {
            settings[key] = value;
        }

        var process = await BotProcess.StartAsync(settings, Patience);
        _processes.Add(process);
        return process;
    }

    /// <summary>The deliveries the ledger shows as being sent right now (claimed, not recorded done): the members' ids.</summary>
    public static async Task<IReadOnlySet<string>> BeingSentAsync(TrustBotHost host) =>
        await host.Services.GetRequiredService<StorageTables>().Get("Deliveries")
            .QueryAsync("State eq 'Sending'", select: ["RowKey"])
            .Select(row => row.RowKey)
            .ToHashSetAsync();

    private static Dictionary<string, string?> WorkerSettings(IReadOnlyDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            // The SDK logs several lines a send at Information: for hundreds of sends that is only noise and time.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Scheduler:Enabled"] = "false",
            ["Delivery:Enabled"] = "true",
            // Long enough that even a loaded machine never sees a message come back while it is being
            // sent. Tests of messages coming back shorten it.
            ["Delivery:VisibilityTimeout"] = "00:00:30",
            ["Delivery:MaxAttempts"] = "3",
            ["Delivery:BaseBackoff"] = "00:00:00.050",
            ["Delivery:MessagesPerSecondPerTenant"] = "1000",
            ["Delivery:MaxPollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Stores the team, installed with the fake's service URL, and its roster, as installation and the roster sync do.</summary>
    public async Task StoreTeamAsync(TrustBotHost host)
    {
        await host.Services.GetRequiredService<ITeamStore>().SaveTeamAsync(Team, CancellationToken.None);
        await host.Services.GetRequiredService<ITeamRosterStore>().ReplaceAsync(Team.Id, Roster, CancellationToken.None);
    }

    /// <summary>Opens a run for the whole roster the way a lead's "start pulse" does, queueing one card per member.</summary>
    public async Task<OpenedRun> OpenRunAsync(TrustBotHost host)
    {
        var started = await host.Services.GetRequiredService<PulseService>().StartAsync(Team, Roster, window: null, CancellationToken.None);
        var run = started.Started ?? throw new InvalidOperationException("No run was started: one is open already.");
        var fanOut = await host.Services.GetRequiredService<PulseFanOut>().StartAsync(Team, run, remind: false, CancellationToken.None);
        return new OpenedRun(run, started.Bank!.Find(run.ItemIds[0])!.Text, fanOut);
    }

    /// <summary>Completes once every member in <paramref name="members"/> has received at least <paramref name="cards"/> activities.</summary>
    public Task AllReceivedAsync(IEnumerable<RosterMember> members, int cards = 1)
    {
        string[] userIds = [.. members.Select(m => m.UserId)];
        return Connector.WaitUntilAsync(connector => userIds.All(id => connector.DeliveredTo(id) >= cards), Patience);
    }

    /// <summary>
    /// Stops the host's delivery workers, waiting for the deliveries they have in hand; the host
    /// stays up so its stores can be read. Nothing is sent after this returns.
    /// </summary>
    public static Task StopWorkersAsync(TrustBotHost host) =>
        host.Services.GetRequiredService<DeliveryWorker>().StopAsync(CancellationToken.None);

    /// <summary>How many delivery messages are left in the queue, hidden ones included: what could still be sent later.</summary>
    public static Task<int> QueuedAsync(TrustBotHost host) =>
        host.Services.GetRequiredService<PendingDeliveries>().CountAsync(CancellationToken.None);

    /// <summary>
    /// Completes once the queue is empty (hidden messages included), polling storage: a process of
    /// its own deletes the last messages, and nothing here is told when. Fails after <see cref="Patience"/>.
    /// </summary>
    public async Task QueueEmptiedAsync(TrustBotHost host)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await QueuedAsync(host) > 0)
        {
            waited.Elapsed.Should().BeLessThan(Patience, "every delivery message is handled and deleted ({0})", Connector);
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Connector.DisposeAsync();
    }

    private static RosterMember Member(int number)
    {
        var digits = number.ToString("D4", CultureInfo.InvariantCulture);
        return new RosterMember("aad-" + digits, "29:user-" + digits, "Member " + digits);
    }
}

/// <summary>A run opened for the roster and what its fan-out queued.</summary>
/// <param name="Run">The run.</param>
/// <param name="FirstQuestion">The text of the run's first item, which every card shows.</param>
/// <param name="FanOut">How many cards were queued and how many members were skipped as unreachable.</param>
public sealed record OpenedRun(PulseRun Run, string FirstQuestion, FanOutResult FanOut);
