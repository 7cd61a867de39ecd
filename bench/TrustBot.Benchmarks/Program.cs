namespace TrustBot.Benchmarks;

/// <summary>
/// Benchmarks over HTTP on loopback, storage on Azurite (README, "Benchmarks"):
/// <c>dotnet run -c Release --project bench/TrustBot.Benchmarks -- [--scenario submit|summary|fanout|all] [--clients 32] [--requests 50] [--members 5000] [--limit 50]</c>.
/// </summary>
internal static class Benchmarks
{
    private static readonly string[] Scenarios = ["submit", "summary", "fanout", "all"];

    // Not named Program: the host under test owns that name, and WebApplicationFactory needs it.
    public static async Task<int> Main(string[] args)
    {
        if (FakeConnectorProcess.IsRequested(args))
        {
            return await FakeConnectorProcess.ServeAsync(args);
        }

        var at = Array.IndexOf(args, "--scenario");
        var scenario = at >= 0 && at + 1 < args.Length ? args[at + 1] : "all";
        if (!Scenarios.Contains(scenario))
        {
            Console.Error.WriteLine($"Unknown scenario '{scenario}': use one of {string.Join(", ", Scenarios)}.");
            return 2;
        }

        if (scenario is "submit" or "summary" or "all")
        {
            var clients = BenchStack.ArgValue(args, "--clients", 32);
            var requests = BenchStack.ArgValue(args, "--requests", 50);
            // Before the host starts: the runtime and the bench alone, to tell the bot's share of the peak.
            var before = Environment.WorkingSet;
            var memory = new PeakMemory();
            await using (var stack = await BenchStack.StartAsync())
            {
                if (scenario is "submit" or "all")
                {
                    await SubmitBenchmark.RunAsync(stack, clients, requests);
                }

                if (scenario is "summary" or "all")
                {
                    await SummaryBenchmark.RunAsync(stack, clients, requests);
                }
            }

            memory.Dispose();
            Console.WriteLine();
            Console.WriteLine(
                $"memory, bot under {clients} clients (submit and summary; this process = the bot + an HttpClient load generator, no fakes; Azurite is another process): " +
                $"peak working set {memory.PeakWorkingSet / 1048576.0:0} MB (target <= 250), of which {before / 1048576.0:0} MB before the host started; peak managed heap {memory.PeakManaged / 1048576.0:0} MB");
        }

        // Its own hosts: the bot's delivery limit is set when a host starts.
        if (scenario is "fanout" or "all")
        {
            await FanOutBenchmark.RunAsync(BenchStack.ArgValue(args, "--members", 5000), BenchStack.ArgValue(args, "--limit", 50));
        }

        return 0;
    }
}
