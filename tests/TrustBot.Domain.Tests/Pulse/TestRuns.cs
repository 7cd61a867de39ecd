using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Tests.Pulse;

/// <summary>Runs and answers for tests, with fixed times.</summary>
internal static class TestRuns
{
    public static readonly DateTimeOffset Monday = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static PulseRun Open(IReadOnlyList<string> itemIds, DateTimeOffset? opensAt = null, int threshold = 3, int invited = 5)
    {
        var opens = opensAt ?? Monday;
        return new PulseRun("team-1", PulseRunIds.New(opens, new Guid("0123abcd-0000-0000-0000-000000000000")), itemIds,
            opens, opens.AddDays(3), PulseRunState.Open, threshold, invited);
    }

    public static PulseAnswer Answer(params (string ItemId, int Point)[] scores) =>
        new(scores.ToDictionary(s => s.ItemId, s => s.Point), [], []);

    public static PulseAnswer Picks(string[] helped, string[] hurt) =>
        new(new Dictionary<string, int>(), helped, hurt);
}
