namespace TrustBot.Benchmarks;

/// <summary>
/// Turn latency benchmarks over HTTP on loopback, storage on Azurite (README, "Benchmarks"):
/// <c>dotnet run -c Release --project bench/TrustBot.Benchmarks -- [--scenario submit|summary|all] [--clients 32] [--requests 50]</c>.
/// </summary>
internal static class Benchmarks
{
    // Not named Program: the host under test owns that name, and WebApplicationFactory needs it.
    public static async Task Main(string[] args)
    {
        var at = Array.IndexOf(args, "--scenario");
        var scenario = at >= 0 && at + 1 < args.Length ? args[at + 1] : "all";
        var clients = BenchStack.ArgValue(args, "--clients", 32);
        var requests = BenchStack.ArgValue(args, "--requests", 50);

        await using var stack = await BenchStack.StartAsync();
        if (scenario is "submit" or "all")
        {
            await SubmitBenchmark.RunAsync(stack, clients, requests);
        }

        if (scenario is "summary" or "all")
        {
            await SummaryBenchmark.RunAsync(stack, clients, requests);
        }
    }
}
