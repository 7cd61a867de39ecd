using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Teams;
using TrustBot.Storage;

namespace TrustBot.Benchmarks;

/// <summary>
/// Issue 4: the pulse-submit invoke (validate, store an anonymous answer) against a bare echo
/// turn (help: no storage) of the same host in the same run, and (issue 15) against the storage
/// floor: echo followed by one point read and one insert. Targets at 32 concurrent clients: submit
/// p50 &lt;= 2x echo p50 and &lt;= 1.3x the floor, p99 &lt;= 3x echo p99; two storage requests per submit.
/// </summary>
internal static class SubmitBenchmark
{
    private const string TeamId = "19:bench-general@thread.tacv2";

    public static async Task RunAsync(BenchStack stack, int clients, int requestsPerClient)
    {
        var bank = stack.Services.GetRequiredService<QuestionBank>();
        var now = DateTimeOffset.UtcNow;
        var run = new PulseRun(TeamId, PulseRunIds.New(now, Guid.NewGuid()), PulseItemSelector.Select(bank, []), now, now.AddDays(3), PulseRunState.Open, 3, clients);
        var members = Enumerable.Range(0, clients).Select(i => $"bench-member-{i:D4}").ToList();
        await stack.Services.GetRequiredService<ITeamStore>().SaveTeamAsync(
            new Team(TeamId, "bench-tenant", "Bench", TeamKind.Team, TeamId, "https://smba.example/", now), CancellationToken.None);
        if (!await stack.Services.GetRequiredService<IPulseStore>().TryStartRunAsync(run, members, CancellationToken.None))
        {
            throw new InvalidOperationException("Could not seed the pulse run.");
        }

        HttpContent Echo(int client) => JsonContent.Create(BenchStack.Message(members[client % members.Count], "help"));
        HttpContent Submit(int client) => JsonContent.Create(SubmitActivity(run, members[client % members.Count], 1 + (Environment.TickCount & 3)));

        // Warm up both paths (JIT, connection pools, table clients, the run kept in memory) before measuring.
        await stack.MeasureAsync("warm-up", Echo, 4, 10);
        await stack.MeasureAsync("warm-up", Submit, 4, 10);
        var floor = await TurnCosts.MeasureFloorAsync(stack, Echo, TableKey.Encode(TeamId), "team", clients, requestsPerClient);
        var submit = await stack.MeasureAsync("pulse.submit", Submit, clients, requestsPerClient);
        var echoRequests = await TurnCosts.CountAsync(stack, Echo(0));
        var submitRequests = await TurnCosts.CountAsync(stack, Submit(0));

        TurnCosts.PrintFloor(floor);
        BenchStack.Print($"pulse.submit: {clients} concurrent clients x {requestsPerClient} requests, loopback HTTP, Azurite", ("echo (help)", floor.Echo), ("pulse.submit", submit));
        Console.WriteLine(
            $"ratio p50 {submit.P50 / floor.Echo.P50:0.00} vs echo (target <= 2), {submit.P50 / floor.EchoReadInsert.P50:0.00} vs echo + read + insert (target <= 1.3); " +
            $"ratio p99 {submit.P99 / floor.Echo.P99:0.00} vs echo (target <= 3)");
        Console.WriteLine(TurnCosts.Describe("echo", echoRequests));
        Console.WriteLine(TurnCosts.Describe("pulse.submit", submitRequests));
        var answers = await stack.Services.GetRequiredService<IPulseStore>().GetAnswersAsync(TeamId, run.RunId, CancellationToken.None);
        Console.WriteLine($"answers stored: {answers.Count} (one per member, however often each submitted)");
    }

    private static JsonObject SubmitActivity(PulseRun run, string member, int point)
    {
        var data = new JsonObject { ["teamId"] = TeamId, ["runId"] = run.RunId };
        foreach (var itemId in run.ItemIds)
        {
            data["score." + itemId] = point.ToString(CultureInfo.InvariantCulture);
        }

        return BenchStack.Activity("invoke", member, new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "pulse.submit", ["data"] = data } },
        });
    }
}
