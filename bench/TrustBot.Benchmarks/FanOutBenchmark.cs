using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Teams;
using TrustBot.Pulse;
using TrustBot.Storage.Delivery;
using TrustBot.Testing;

namespace TrustBot.Benchmarks;

/// <summary>
/// Issues 5 and 14: a pulse fan-out to thousands of members through the fake Bot Connector, which
/// allows <c>limit</c> sends a second across all conversations (a burst of one second's worth, then
/// 429 with Retry-After: 1). Targets (issue 14, limit 50): sends/s ÷ limit &gt;= 0.95 on the second
/// run, (sends + creates)/s ÷ limit &gt;= 0.95 on the first, no duplicates, nothing lost, at most 3
/// storage requests per member on the second run.
/// </summary>
/// <remarks>
/// Rule for the figures: messages/s counts SEND requests the fake accepted (one per member); the
/// fake throttles sends only, while the bot's own limiter (Delivery:MessagesPerSecondPerTenant)
/// spends its budget on every request it makes, creating a 1:1 conversation included, as Teams
/// counts them. Each bot limit runs twice on one host: first with no 1:1 conversation stored (the
/// worker creates 5,000 and sends 5,000), then a second run to the same members (conversations
/// stored, sends only). Timing starts when <see cref="PulseFanOut.StartAsync"/> is called (queueing
/// included) and stops when the fake has accepted one send per member. The bot and the bench share
/// this process; the fake connector runs in a process of its own (<see cref="FakeConnectorProcess"/>)
/// and Azurite is a node process, so neither is in this process's memory or CPU figures.
/// </remarks>
internal static class FanOutBenchmark
{
    private const string TeamId = "19:bench-fanout@thread.tacv2";
    private const string TenantId = "bench-tenant";

    // The steady rate leaves out the first fifth of the sends: the fake's opening burst and the worker's first poll.
    private const double SteadyFrom = 0.2;

    public static async Task RunAsync(int members, int limit)
    {
        var rows = new List<FanOutRow>();
        // The bot at the fake's limit, then above it: the second shows 429s slow delivery down and lose nothing.
        foreach (var botLimit in new[] { limit, 2 * limit })
        {
            rows.AddRange(await RunOnOneHostAsync(members, limit, botLimit));
        }

        Print(members, limit, rows);
    }

    private static async Task<List<FanOutRow>> RunOnOneHostAsync(int members, int limit, int botLimit)
    {
        var rows = new List<FanOutRow>();
        using var connector = await FakeConnectorProcess.StartAsync(limit, TenantId);
        var roster = FakeMember.Roster(members).Select(member => new RosterMember(member.AadObjectId, member.UserId, member.Name)).ToList();
        var stack = await BenchStack.StartAsync(new Dictionary<string, string>
        {
            ["Delivery:MessagesPerSecondPerTenant"] = botLimit.ToString(CultureInfo.InvariantCulture),
        });
        try
        {
            var services = stack.Services;
            foreach (var (run, index) in new[] { "1st run: creates 1:1 chats", "2nd run: 1:1 chats stored" }.Select((run, index) => (run, index)))
            {
                // A team of the same members per run: closing the first run would send each member its
                // results card while the second fans out, and the fake would count those as sends.
                // The 1:1 chats are the members', whatever the team, so the second run finds them stored.
                var teamId = $"{TeamId}-{index}";
                var team = new Team(teamId, TenantId, "Bench fan-out", TeamKind.Team, teamId, connector.ServiceUrl, DateTimeOffset.UtcNow);
                await services.GetRequiredService<ITeamStore>().SaveTeamAsync(team, CancellationToken.None);
                await services.GetRequiredService<ITeamRosterStore>().ReplaceAsync(teamId, roster, CancellationToken.None);
                Console.WriteLine($"fan-out to {members} members, bot limit {botLimit}/s, {run}: opening the run (untimed)…");
                var row = await FanOutOnceAsync(stack, connector, team, roster, limit, botLimit, run);
                rows.Add(row);
                Console.WriteLine($"  {row.Delivered} sends in {row.Elapsed.TotalSeconds:0.0} s{(row.TimedOut ? " (timed out)" : string.Empty)}");
                if (row.TimedOut)
                {
                    // The queue still holds this run's messages: a second run would only measure both at once.
                    break;
                }
            }
        }
        finally
        {
            await stack.DisposeAsync();
        }

        // Stopping the host lets the workers finish what they hold: any send after that point is a late duplicate.
        var sent = (await connector.StatsAsync()).PerMember();
        var late = roster.Count(member => sent.GetValueOrDefault(member.UserId) > rows.Count);
        rows[^1] = rows[^1] with { DuplicatesAfterStop = late, HeapAfterStop = GC.GetTotalMemory(forceFullCollection: true), FakePeakWorkingSet = connector.Process.PeakWorkingSetBytes };
        return rows;
    }

    private static async Task<FanOutRow> FanOutOnceAsync(BenchStack stack, FakeConnectorProcess connector, Team team, List<RosterMember> roster, int limit, int botLimit, string name)
    {
        var services = stack.Services;
        var pulses = services.GetRequiredService<PulseService>();
        if (await pulses.FindOpenRunAsync(team.Id, CancellationToken.None) is { } open)
        {
            await pulses.CloseAsync(open, CancellationToken.None);
        }

        var started = await pulses.StartAsync(team, roster, null, CancellationToken.None);
        var run = started.Started ?? throw new InvalidOperationException("The bench could not open a pulse run.");
        var statsBefore = await connector.StatsAsync();
        var before = statsBefore.PerMember();
        var receivedBefore = statsBefore.Sends.Count;
        var timeout = TimeSpan.FromSeconds(Math.Max(60, 6.0 * roster.Count / limit));

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var azurite = stack.FindAzuriteProcess();
        var cpu = new CpuClock(azurite);
        using var memory = new MemorySampler();
        using var requests = new HttpRequestCounter((url, method) => Classify(stack, connector, url, method));
        var loadBefore = LoadAverage();
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var fanOut = services.GetRequiredService<PulseFanOut>().StartAsync(team, run, remind: true, CancellationToken.None);
        var timedOut = false;
        try
        {
            await connector.WaitForDeliveriesAsync(receivedBefore + roster.Count, timeout);
        }
        catch (TimeoutException)
        {
            timedOut = true;
        }

        var elapsed = clock.Elapsed;
        string? fanOutError = null;
        var queued = 0;
        try
        {
            queued = (await fanOut).Queued;
        }
        catch (Exception ex)
        {
            // Reported, not thrown: the rows measured so far still print.
            fanOutError = $"{ex.GetType().Name}: {ex.Message}";
        }

        if (!timedOut)
        {
            await WaitForEmptyQueueAsync(services.GetRequiredService<PendingDeliveries>(), timeout);
        }

        var (botCpu, azuriteCpu) = cpu.Elapsed();
        var tallies = requests.Tallies;
        var statsAfter = await connector.StatsAsync();
        var received = statsAfter.Sends.Skip(receivedBefore).Select(send => send.At).Order().ToList();
        var after = statsAfter.PerMember();
        var deliveredNow = roster.Select(member => after.GetValueOrDefault(member.UserId) - before.GetValueOrDefault(member.UserId)).ToList();
        return new FanOutRow(
            name,
            botLimit,
            limit,
            queued,
            received.Count,
            elapsed,
            received.Count > 0 ? received[0] - startedAt : TimeSpan.Zero,
            SteadyRate(received),
            statsAfter.Created - statsBefore.Created,
            statsAfter.Throttled - statsBefore.Throttled,
            deliveredNow.Count(count => count > 1),
            deliveredNow.Count(count => count == 0),
            timedOut,
            memoryBefore,
            memory.PeakManagedBytes,
            GC.GetTotalMemory(forceFullCollection: false),
            memory.PeakWorkingSetBytes,
            botCpu,
            azuriteCpu,
            (loadBefore, LoadAverage()),
            fanOutError,
            tallies);
    }

    // Sends a second over the last (1 - SteadyFrom) of the sends, by the times the fake accepted them.
    private static double SteadyRate(List<DateTimeOffset> acceptedAt)
    {
        var from = (int)(acceptedAt.Count * SteadyFrom);
        var span = acceptedAt.Count > 1 ? (acceptedAt[^1] - acceptedAt[from]).TotalSeconds : 0;
        return span > 0 ? (acceptedAt.Count - 1 - from) / span : 0;
    }

    // The approximate count includes messages a worker holds (invisible), so 0 means every one was handled and deleted.
    private static async Task WaitForEmptyQueueAsync(PendingDeliveries queue, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (await queue.CountAsync(CancellationToken.None) > 0 && clock.Elapsed < timeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    // Names each request the bot makes by service, table and operation; the bench's own queue-length polls are left out.
    private static string? Classify(BenchStack stack, FakeConnectorProcess connector, Uri url, string method)
    {
        var segments = Uri.UnescapeDataString(url.AbsolutePath).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (url.Port == stack.TablePort && segments.Length >= 2)
        {
            var resource = segments[1];
            var table = resource.Split('(')[0].Replace(stack.NamePrefix, string.Empty, StringComparison.OrdinalIgnoreCase);
            var operation = method switch
            {
                "POST" => table == "$batch" ? "batch" : "insert",
                "PUT" => "upsert",
                "PATCH" or "MERGE" => "merge",
                "DELETE" => "delete",
                "GET" => resource.Contains("RowKey=", StringComparison.Ordinal) ? "point read" : "query",
                _ => method,
            };
            return $"table {table} {operation}";
        }

        if (url.Port == stack.QueuePort)
        {
            return (method, segments.Length) switch
            {
                ("GET", 2) => null,
                ("POST", 3) => "queue enqueue",
                ("GET", 3) => "queue receive (up to 32)",
                ("DELETE", 4) => "queue delete",
                ("PUT", 4) => "queue release",
                _ => $"queue {method}",
            };
        }

        if (url.Port == new Uri(connector.ServiceUrl).Port)
        {
            return segments[^1] == "conversations" ? "connector create conversation" : "connector send";
        }

        return null;
    }

    private static void Print(int members, int limit, List<FanOutRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"fan-out: {members} members, fake connector limit {limit} sends/s (429 + Retry-After: 1 above it), loopback HTTP, Azurite");
        Console.WriteLine("messages/s = sends the fake accepted ÷ wall time from PulseFanOut.StartAsync (queueing included) to the last one;");
        Console.WriteLine($"steady = the same over the last {1 - SteadyFrom:P0} of the sends (no opening burst). The fake limits sends only;");
        Console.WriteLine("the bot's own limiter counts creates too (Teams counts every request): budget = (sends + creates)/s ÷ limit.");
        Console.WriteLine("storage/member = the bot's table and queue requests in the run ÷ members (target <= 3 on the 2nd run).");
        Console.WriteLine($"{"run",-28} {"bot lim",7} {"sent",6} {"secs",6} {"msg/s",6} {"ratio",6} {"budget",6} {"steady",6} {"1st ms",7} {"creates",7} {"429s",6} {"dup",4} {"lost",5} {"storage/member",14}");
        foreach (var row in rows)
        {
            Console.WriteLine(
                $"{row.Run,-28} {row.BotLimit,7} {row.Delivered,6} {row.Elapsed.TotalSeconds,6:0.0} {row.Rate,6:0} {row.Rate / row.Limit,6:0.00} {Budget(row),6:0.00} {row.SteadyRate / row.Limit,6:0.00} " +
                $"{row.FirstSend.TotalMilliseconds,7:0} {row.Creates,7} {row.Throttled,6} {row.Duplicates,4} {row.Lost,5} {(double)StorageRequests(row) / members,14:0.00}{(row.TimedOut ? "  timed out: lost = not sent yet" : string.Empty)}");
        }

        PrintTargets(members, rows.Where(row => row.BotLimit == row.Limit).ToList());

        Console.WriteLine();
        Console.WriteLine("memory of this process (the bot + the bench driver; the fake connector runs in its own process), MB");
        Console.WriteLine($"{"run",-28} {"bot lim",7} {"GC before",9} {"GC peak",8} {"GC after",8} {"peak working set",16}");
        foreach (var row in rows)
        {
            Console.WriteLine($"{row.Run,-28} {row.BotLimit,7} {Mb(row.GcBefore),9:0} {Mb(row.GcPeak),8:0} {Mb(row.GcAfter),8:0} {Mb(row.PeakWorkingSet),16:0}");
        }

        foreach (var row in rows.Where(row => row.FanOutError is not null))
        {
            Console.WriteLine($"{row.Run}, bot limit {row.BotLimit}: PulseFanOut.StartAsync failed: {row.FanOutError}");
        }

        Console.WriteLine();
        Console.WriteLine($"peak working set of the bot (this process, Process.PeakWorkingSet64, whole bench): {Mb(Process.GetCurrentProcess().PeakWorkingSet64):0} MB");
        foreach (var row in rows.Where(row => row.DuplicatesAfterStop is not null))
        {
            Console.WriteLine(
                $"bot limit {row.BotLimit}: after the host stopped, {row.DuplicatesAfterStop} members had more sends than runs (late duplicates); " +
                $"managed heap then {Mb(row.HeapAfterStop ?? 0):0} MB; the fake connector's own process peaked at {Mb(row.FakePeakWorkingSet ?? 0):0} MB (not in the figures above).");
        }

        Console.WriteLine();
        Console.WriteLine($"CPU per message from fan-out start to empty queue, ms; ceiling = {Environment.ProcessorCount} cores ÷ (both), if nothing else ran");
        Console.WriteLine($"{"run",-28} {"bot lim",7} {"bot",9} {"Azurite",8} {"ceiling msg/s",13}  machine load (1 min) before → after");
        foreach (var row in rows)
        {
            var perMessage = (row.BotCpu + (row.AzuriteCpu ?? TimeSpan.Zero)).TotalMilliseconds / members;
            Console.WriteLine(
                $"{row.Run,-28} {row.BotLimit,7} {row.BotCpu.TotalMilliseconds / members,9:0.00} " +
                $"{(row.AzuriteCpu is { } azurite ? (azurite.TotalMilliseconds / members).ToString("0.00", CultureInfo.InvariantCulture) : "n/a"),8} " +
                $"{Environment.ProcessorCount * 1000 / perMessage,13:0}  {row.Load.Before} → {row.Load.After}");
        }

        foreach (var row in rows)
        {
            Console.WriteLine();
            Console.WriteLine($"requests per member, {row.Run}, bot limit {row.BotLimit} (count ÷ {members} members, {row.Queued} queued; mean ms each)");
            foreach (var (name, count, meanMs) in row.Requests)
            {
                Console.WriteLine($"  {name,-44} {(double)count / members,7:0.00} {meanMs,8:0.0}");
            }

            var storage = StorageRequests(row);
            Console.WriteLine($"  {"storage requests in all",-44} {(double)storage / members,7:0.00} ({storage / Math.Max(0.001, row.Elapsed.TotalSeconds):0}/s)");
        }
    }

    // Issue 14's targets, for the runs where the bot's limit is the fake's (Teams') limit.
    private static void PrintTargets(int members, List<FanOutRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("targets (issue 14), bot limit = the limit:");
        if (rows.Count < 2)
        {
            Console.WriteLine("  not judged: both runs are needed");
            return;
        }

        var (first, second) = (rows[0], rows[1]);
        Target("2nd run: sends/s ÷ limit >= 0.95", second.Rate / second.Limit, second.Rate / second.Limit >= 0.95);
        Target("1st run: (sends + creates)/s ÷ limit >= 0.95", Budget(first), Budget(first) >= 0.95);
        Target("2nd run: storage requests per member <= 3", (double)StorageRequests(second) / members, StorageRequests(second) <= 3.0 * members);
        Target("duplicates = 0 (both runs)", first.Duplicates + second.Duplicates, first.Duplicates + second.Duplicates == 0);
        Target("lost = 0 (both runs)", first.Lost + second.Lost, first.Lost + second.Lost == 0);

        static void Target(string name, double value, bool met) =>
            Console.WriteLine($"  {name,-48} {value,7:0.00}  {(met ? "met" : "NOT MET")}");
    }

    private static double Budget(FanOutRow row) => (row.Delivered + row.Creates) / row.Elapsed.TotalSeconds / row.Limit;

    private static int StorageRequests(FanOutRow row) =>
        row.Requests.Where(r => r.Name.StartsWith("table", StringComparison.Ordinal) || r.Name.StartsWith("queue", StringComparison.Ordinal)).Sum(r => r.Count);

    // Other work on the machine slows every figure here: the load average says how much there was.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

    private sealed record FanOutRow(
        string Run,
        int BotLimit,
        int Limit,
        int Queued,
        int Delivered,
        TimeSpan Elapsed,
        TimeSpan FirstSend,
        double SteadyRate,
        int Creates,
        int Throttled,
        int Duplicates,
        int Lost,
        bool TimedOut,
        long GcBefore,
        long GcPeak,
        long GcAfter,
        long PeakWorkingSet,
        TimeSpan BotCpu,
        TimeSpan? AzuriteCpu,
        (string Before, string After) Load,
        string? FanOutError,
        IReadOnlyList<(string Name, int Count, double MeanMs)> Requests)
    {
        public double Rate => Delivered / Elapsed.TotalSeconds;

        public int? DuplicatesAfterStop { get; init; }

        public long? HeapAfterStop { get; init; }

        public long? FakePeakWorkingSet { get; init; }
    }

    /// <summary>CPU time used by this process and by Azurite since it was made.</summary>
    private sealed class CpuClock(Process? azurite)
    {
        private readonly TimeSpan _botStart = Process.GetCurrentProcess().TotalProcessorTime;
        private readonly TimeSpan? _azuriteStart = azurite?.TotalProcessorTime;

        public (TimeSpan Bot, TimeSpan? Azurite) Elapsed()
        {
            azurite?.Refresh();
            return (Process.GetCurrentProcess().TotalProcessorTime - _botStart, azurite?.TotalProcessorTime - _azuriteStart);
        }
    }

    /// <summary>The highest managed heap and working set seen, sampled every 50 ms while it lives.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peakManaged;
        private long _peakWorkingSet;

        public MemorySampler()
        {
            Sample();
            _timer = new Timer(_ => Sample(), null, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50));
        }

        public long PeakManagedBytes => Interlocked.Read(ref _peakManaged);

        public long PeakWorkingSetBytes => Interlocked.Read(ref _peakWorkingSet);

        public void Dispose()
        {
            _timer.Dispose();
            Sample();
        }

        private static void Raise(ref long peak, long value)
        {
            var seen = Interlocked.Read(ref peak);
            while (value > seen)
            {
                var previous = Interlocked.CompareExchange(ref peak, value, seen);
                if (previous == seen)
                {
                    return;
                }

                seen = previous;
            }
        }

        private void Sample()
        {
            Raise(ref _peakManaged, GC.GetTotalMemory(forceFullCollection: false));
            Raise(ref _peakWorkingSet, Environment.WorkingSet);
        }
    }
}
