using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Teams;
using TrustBot.Storage;

namespace TrustBot.Benchmarks;

/// <summary>
/// Issue 6: the lead's summary turn with 4, 26 and 104 weeks of history (50 members, weekly runs)
/// against the echo turn of the same host and (issue 15) the storage floor, echo followed by one
/// point read. Targets: summary p50 &lt;= 2x echo p50 and &lt;= 1.5x the floor at every history
/// length, and within 1.2x between 4 and 104 weeks. Also counts the storage requests of one
/// summary turn (nothing changed since the last): at most two.
/// </summary>
internal static class SummaryBenchmark
{
    private const int Members = 50;

    public static async Task RunAsync(BenchStack stack, int clients, int requestsPerClient)
    {
        var lead = "bench-lead";
        var results = new List<(int Weeks, Floor Floor, LatencyStats Summary, TurnRequests Requests)>();
        foreach (var weeks in new[] { 4, 26, 104 })
        {
            var teamId = $"19:bench-{weeks}w@thread.tacv2";
            await SeedAsync(stack.Services, teamId, lead, weeks);
            HttpContent Echo(int client) => JsonContent.Create(BenchStack.Message(lead, "help"));
            HttpContent Summary(int client) => JsonContent.Create(BenchStack.Message(lead, "summary"));

            await stack.MeasureAsync("warm-up", Summary, 4, 5);
            var requests = await TurnCosts.CountAsync(stack, Summary(0));
            var floor = await TurnCosts.MeasureFloorAsync(stack, Echo, TableKey.Encode(teamId), "team", clients, requestsPerClient);
            var summary = await stack.MeasureAsync("summary", Summary, clients, requestsPerClient);
            results.Add((weeks, floor, summary, requests));
        }

        foreach (var (weeks, floor, summary, requests) in results)
        {
            BenchStack.Print(
                $"summary, {weeks} weeks of history: {clients} concurrent clients x {requestsPerClient} requests",
                ("echo (help)", floor.Echo),
                ("echo + 1 point read", floor.EchoRead),
                ("summary", summary));
            Console.WriteLine($"ratio p50 {summary.P50 / floor.Echo.P50:0.00} vs echo (target <= 2), {summary.P50 / floor.EchoRead.P50:0.00} vs echo + point read (target <= 1.5)");
            Console.WriteLine(TurnCosts.Describe("summary", requests));
        }

        Console.WriteLine($"summary p50, 104 weeks vs 4 weeks: {results[2].Summary.P50 / results[0].Summary.P50:0.00} (target <= 1.2)");
    }

    // The lead leads exactly one team at a time, so "summary" in the 1:1 chat finds the one just seeded.
    private static async Task SeedAsync(IServiceProvider services, string teamId, string lead, int weeks)
    {
        var teams = services.GetRequiredService<ITeamStore>();
        var pulses = services.GetRequiredService<IPulseStore>();
        var bank = services.GetRequiredService<QuestionBank>();
        var start = DateTimeOffset.UtcNow.AddDays(-7 * weeks);
        await teams.SaveTeamAsync(new Team(teamId, "bench-tenant", "Bench", TeamKind.Team, teamId, "https://smba.example/", start), CancellationToken.None);
        foreach (var other in await teams.GetMembershipsAsync(lead, CancellationToken.None))
        {
            await teams.SaveMembershipAsync(other with { Role = TeamRole.Member }, CancellationToken.None);
        }

        await teams.SaveMembershipAsync(new Membership(lead, teamId, TeamRole.Lead, "Lead"), CancellationToken.None);
        var members = Enumerable.Range(0, Members).Select(i => $"m{i:D3}").ToList();
        var random = new Random(weeks);
        var recent = new List<PulseRun>();
        for (var week = 0; week < weeks; week++)
        {
            var opens = start.AddDays(7 * week);
            var run = new PulseRun(teamId, PulseRunIds.New(opens, Guid.NewGuid()), PulseItemSelector.Select(bank, recent), opens, opens.AddDays(3), PulseRunState.Open, 3, Members);
            await pulses.TryStartRunAsync(run, members, CancellationToken.None);
            var answers = Enumerable.Range(0, 40).Select(_ => new PulseAnswer(
                run.ItemIds.ToDictionary(id => id, _ => random.Next(2, 6)), [TrustFactors.All[random.Next(6)].Id], [TrustFactors.All[random.Next(6)].Id])).ToList();
            var closed = run with { State = PulseRunState.Closed };
            await pulses.CloseRunAsync(closed, (stored, _) => new ClosedRunResults(PulseRollups.Compute(stored, answers, bank, stored.ClosesAt), []), CancellationToken.None);
            recent.Insert(0, closed);
        }
    }
}
