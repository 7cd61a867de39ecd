using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Tests.Pulse;

public sealed class LikertScaleTests
{
    private static readonly QuestionItem Plain = new("care.1", "care", "People on this team look out for each other.", false, 1, "test");
    private static readonly QuestionItem Reverse = new("safety.5", "safety", "It is difficult to ask other members of this team for help.", true, 1, "test");

    [Fact]
    public void The_scale_runs_from_strongly_disagree_to_strongly_agree()
    {
        LikertScale.Min.Should().Be(1);
        LikertScale.Max.Should().Be(5);
        LikertScale.Labels.Should().Equal("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree");
        LikertScale.Label(1).Should().Be("Strongly disagree");
        LikertScale.Label(4).Should().Be("Agree");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(5, 5)]
    public void A_plain_item_scores_the_point_chosen(int point, int score) =>
        LikertScale.Score(Plain, point).Should().Be(score);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 4)]
    [InlineData(3, 3)]
    [InlineData(5, 1)]
    public void A_reverse_scored_item_scores_six_minus_the_point(int point, int score) =>
        LikertScale.Score(Reverse, point).Should().Be(score);

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void A_point_off_the_scale_is_refused(int point)
    {
        LikertScale.IsOnScale(point).Should().BeFalse();
        FluentActions.Invoking(() => LikertScale.Score(Plain, point)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => LikertScale.Label(point)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
