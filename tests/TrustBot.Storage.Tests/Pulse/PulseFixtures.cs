using TrustBot.Domain.Pulse;

namespace TrustBot.Storage.Tests.Pulse;

/// <summary>Runs, answers and roll-ups with Teams-shaped ids, for the pulse store tests.</summary>
internal static class PulseFixtures
{
    public const string TeamId = "19:abc@thread.tacv2";
    public const string OtherTeamId = "19:meeting_Zm9v@thread.v2";
    public const string Alice = "29:1AbC/+x==";
    public const string Bob = "a:1xyz";
    public const string Carol = "8:orgid:6f1c2d0e-0000-4000-8000-000000000001";
    public static readonly DateTimeOffset Monday = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static PulseRun OpenRun(string teamId, DateTimeOffset opensAt, int invited = 3) => new(
        teamId,
        PulseRunIds.New(opensAt, Guid.NewGuid()),
        ["reliability.1", "safety.3r", "überall/overall"],
        opensAt,
        opensAt.AddDays(3),
        PulseRunState.Open,
        AnonymityThreshold: 3,
        InvitedCount: invited);

    public static PulseRun Closed(PulseRun run) => run with { State = PulseRunState.Closed };

    public static PulseAnswer Answer(int score) => new(
        new Dictionary<string, int> { ["reliability.1"] = score, ["safety.3r"] = 6 - score, ["überall/overall"] = score },
        ["care", "openness"],
        ["psychological-safety"]);

    public static PulseRollup Rollup(PulseRun run) => new(
        run.TeamId,
        run.RunId,
        run.OpensAt,
        run.ClosesAt.AddHours(-5),
        Invited: 7,
        Responded: 4,
        AnonymityThreshold: run.AnonymityThreshold,
        Items: new Dictionary<string, ScoreStats>
        {
            ["reliability.1"] = new(4, 3.75, [0, 0, 1, 3, 0]),
            ["safety.3r"] = new(3, 1.0 / 3, [2, 1, 0, 0, 0]),
        },
        Factors: new Dictionary<string, ScoreStats> { ["reliability"] = new(4, 3.75, [0, 0, 1, 3, 0]), ["sécurité"] = ScoreStats.None },
        Overall: new(4, 4.25, [0, 0, 0, 3, 1]),
        HelpedPicks: new Dictionary<string, int> { ["care"] = 2, ["openness"] = 0 },
        HurtPicks: new Dictionary<string, int> { ["care"] = 0, ["openness"] = 1 });

    /// <summary>A roll-up too large for a table row (its statistics pass 32,768 characters): storing it fails.</summary>
    public static PulseRollup Unstorable(PulseRun run) => Rollup(run) with
    {
        Items = Enumerable.Range(0, 1000).ToDictionary(i => $"item-{i:D4}-that-does-not-fit", _ => ScoreStats.None),
    };
}
