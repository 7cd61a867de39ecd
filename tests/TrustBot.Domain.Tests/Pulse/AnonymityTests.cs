using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Tests.Pulse;

public sealed class AnonymityTests
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(7, 7)]
    public void The_score_threshold_is_never_below_three(int configured, int inForce) =>
        Anonymity.ThresholdOrMinimum(configured).Should().Be(inForce);

    [Theory]
    [InlineData(3, 5)]
    [InlineData(5, 5)]
    [InlineData(8, 8)]
    public void Comments_need_at_least_five_respondents_and_never_fewer_than_scores(int k, int commentThreshold) =>
        Anonymity.CommentThreshold(k).Should().Be(commentThreshold);
}
