using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;

namespace TrustBot.Domain.Tests.Summary;

public sealed class TrustIndexTests
{
    // reliability.3 is reverse-scored: answered 1, 4, 5 it scores 5, 2, 1.
    //   scored: reliability.1 5 3 4 | reliability.3 5 2 1 | openness.1 3 2 1 | overall 4 3 5
    //   12 responses summing to 38: mean 38/12, index (38/12 − 1) / 4 × 100 = 650/12 ≈ 54.17
    //   (unflipped the 38 would be 40, giving 58.33).
    private static readonly PulseRollup Run = SummaryRuns.Closed(0, SummaryRuns.Answers(
        ("reliability.1", [5, 3, 4]),
        ("reliability.3", [1, 4, 5]),
        ("openness.1", [3, 2, 1]),
        ("overall", [4, 3, 5])));

    [Fact]
    public void The_index_is_the_mean_of_every_scored_response_rescaled_to_0_to_100_with_reverse_items_flipped() =>
        TrustIndex.Of(Run.Items, Run.Overall).Should().BeApproximately(650.0 / 12, 1e-9);

    [Fact]
    public void Factor_stats_give_the_same_index_as_their_items_because_every_response_weighs_the_same()
    {
        // Weighting the factors by respondents instead (reliability 3.0, openness 2.0, overall 4.0, three each) would give 50.
        TrustIndex.Of(Run.Factors, Run.Overall).Should().BeApproximately(650.0 / 12, 1e-9);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 50)]
    [InlineData(4, 75)]
    [InlineData(5, 100)]
    public void Agreeing_throughout_on_one_point_maps_to_a_fixed_index(int scored, double index)
    {
        var stats = new ScoreStats(3, scored, [.. Enumerable.Range(1, 5).Select(p => p == scored ? 3 : 0)]);

        TrustIndex.Of(new Dictionary<string, ScoreStats> { ["care.1"] = stats }, stats).Should().Be(index);
    }

    [Fact]
    public void There_is_no_index_without_answers()
    {
        var empty = SummaryRuns.Closed(0, []);

        TrustIndex.Of(empty.Items, empty.Overall).Should().BeNull();
        TrustIndex.Of(new Dictionary<string, ScoreStats>(), ScoreStats.None).Should().BeNull();
    }
}
