using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Storage;
using TrustBot.Testing;

namespace TrustBot.Benchmarks;

/// <summary>
/// Issue 15: what a turn must cost at least, measured in the same run and at the same concurrency
/// as the turns: the echo turn followed by one table point read, and by one table insert, both
/// through the bot's own storage client (same pipeline, retries and connection pool). Also counts
/// one turn's storage requests, alone, in total and in sequential waves.
/// </summary>
internal static class TurnCosts
{
    private const string FloorPartition = "bench-floor";

    /// <summary>Echo, echo + one point read, echo + one insert, and echo + a read then an insert, at <paramref name="clients"/> clients.</summary>
    public static async Task<Floor> MeasureFloorAsync(BenchStack stack, Func<int, HttpContent> echo, string readPartition, string readRow, int clients, int perClient)
    {
        var teams = stack.Services.GetRequiredService<StorageTables>().Get("Teams");
        Task Read() => teams.GetAsync(readPartition, readRow);
        Task Insert() => teams.InsertAsync(new TableEntity(FloorPartition, Guid.NewGuid().ToString("N")) { ["Floor"] = true });

        await stack.MeasureAsync("warm-up", echo, 4, 5, Read);
        await stack.MeasureAsync("warm-up", echo, 4, 5, Insert);
        var echoOnly = await stack.MeasureAsync("echo", echo, clients, perClient);
        var withRead = await stack.MeasureAsync("echo + point read", echo, clients, perClient, Read);
        var withInsert = await stack.MeasureAsync("echo + insert", echo, clients, perClient, Insert);
        var withBoth = await stack.MeasureAsync("echo + read + insert", echo, clients, perClient, async () =>
        {
            await Read();
            await Insert();
        });
        return new Floor(echoOnly, withRead, withInsert, withBoth);
    }

    /// <summary>The storage requests of one turn sent alone: how many, in how many waves, and which.</summary>
    public static async Task<TurnRequests> CountAsync(BenchStack stack, HttpContent turn)
    {
        using var log = new StorageRequestLog(url => url.Port == stack.TablePort);
        using (var response = await stack.Http.PostAsync("/api/messages", turn))
        {
            await response.Content.ReadAsByteArrayAsync();
        }

        return new TurnRequests(log.Count, log.Waves, [.. log.Requests.Select(request => $"{request.Method} {request.Table(stack.NamePrefix)}")]);
    }

    public static void PrintFloor(Floor floor)
    {
        BenchStack.Print(
            "storage floor, same run and concurrency (the bot's own table client, from the load generator)",
            ("echo (help)", floor.Echo),
            ("echo + 1 point read", floor.EchoRead),
            ("echo + 1 insert", floor.EchoInsert),
            ("echo + read, insert", floor.EchoReadInsert));
    }

    public static string Describe(string turn, TurnRequests requests) =>
        $"storage requests per {turn} (alone, warm): {requests.Total} in {requests.Waves} sequential wave(s){(requests.Total > 0 ? ": " + string.Join(", ", requests.Kinds) : string.Empty)}";
}

internal sealed record Floor(LatencyStats Echo, LatencyStats EchoRead, LatencyStats EchoInsert, LatencyStats EchoReadInsert);

internal sealed record TurnRequests(int Total, int Waves, IReadOnlyList<string> Kinds);

/// <summary>
/// The highest working set and managed heap of this process, sampled every 50 ms while it lives.
/// In the submit and summary scenarios the process holds the bot and the load generator (an
/// HttpClient) and nothing else: no fake connector; Azurite is a separate node process.
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly Timer _timer;
    private long _peakWorkingSet;
    private long _peakManaged;

    public PeakMemory()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50));
    }

    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    public long PeakManaged => Interlocked.Read(ref _peakManaged);

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
    }

    private static void Raise(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }

    private void Sample()
    {
        Raise(ref _peakWorkingSet, Environment.WorkingSet);
        Raise(ref _peakManaged, GC.GetTotalMemory(forceFullCollection: false));
    }
}
