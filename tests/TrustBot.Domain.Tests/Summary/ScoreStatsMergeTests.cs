using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Tests.Summary;

public sealed class ScoreStatsMergeTests
{
    [Fact]
    public void Merging_adds_counts_and_distributions_and_weights_each_mean_by_its_scored_values()
    {
        // 2 + 4 | 5 → 11 / 3
        var merged = ScoreStats.Merge([new ScoreStats(2, 3, [0, 1, 0, 1, 0]), new ScoreStats(1, 5, [0, 0, 0, 0, 1])]);

        merged.Count.Should().Be(3);
        merged.Mean.Should().BeApproximately(11.0 / 3, 1e-9);
        merged.Distribution.Should().Equal(0, 1, 0, 1, 1);
    }

    [Fact]
    public void A_factor_whose_respondent_scored_two_items_weighs_by_its_values_not_its_respondents()
    {
        // one respondent scoring 4 and 5, two scoring 2: (9 + 4) / 4 values = 3.25 (by respondents it would be 2.83)
        var merged = ScoreStats.Merge([new ScoreStats(1, 4.5, [0, 0, 0, 1, 1]), new ScoreStats(2, 2, [0, 2, 0, 0, 0])]);

        merged.Should().BeEquivalentTo(new ScoreStats(3, 3.25, [0, 2, 0, 1, 1]));
    }

    [Fact]
    public void Merging_nothing_scored_gives_stats_of_nothing() =>
        ScoreStats.Merge([ScoreStats.None, ScoreStats.None]).Should().BeEquivalentTo(ScoreStats.None);
}
