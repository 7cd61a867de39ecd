using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;
using static TrustBot.Domain.Tests.Summary.SummaryRuns;

namespace TrustBot.Domain.Tests.Summary;

public sealed class SummaryViewsTests
{
    [Fact]
    public void A_run_with_exactly_k_answers_is_a_view_on_its_own()
    {
        var run = WithRespondents(0, responded: 3);

        var (views, pending) = SummaryViews.From([run]);

        var view = views.Should().ContainSingle().Subject;
        view.RunIds.Should().Equal(run.RunId);
        view.From.Should().Be(run.OpensAt);
        view.To.Should().Be(run.ClosedAt);
        view.Responded.Should().Be(3);
        view.Invited.Should().Be(5);
        view.ParticipationRate.Should().Be(0.6);
        view.AnonymityThreshold.Should().Be(3);
        view.TrustIndex.Should().Be(75);
        view.Overall.Should().BeEquivalentTo(new ScoreStats(3, 4, [0, 0, 0, 3, 0]));
        view.Factors.Keys.Should().BeEquivalentTo("reliability", "openness");
        pending.Should().BeNull();
    }

    [Fact]
    public void A_run_one_answer_short_is_not_a_view_but_pending_2_of_3()
    {
        var (views, pending) = SummaryViews.From([WithRespondents(0, responded: 2)]);

        views.Should().BeEmpty();
        pending.Should().Be(new PendingAnswers(Responded: 2, Threshold: 3, Runs: 1));
    }

    [Fact]
    public void A_view_shows_its_one_runs_scores_and_picks()
    {
        // two answers scoring 4 everywhere, one scoring 5 everywhere; the first two pick care as helped, the first picks openness as hurt
        var fives = Answers(("reliability.1", [5]), ("reliability.3", [1]), ("openness.1", [5]), ("overall", [5]))[0];
        var run = Closed(0, WithPicks([AllFours, AllFours, fives], helped: ["care", "care"], hurt: ["openness"]), invited: 4);

        var view = SummaryViews.From([run]).Views.Should().ContainSingle().Subject;

        view.RunIds.Should().Equal(run.RunId);
        view.Responded.Should().Be(3);
        view.Invited.Should().Be(4);
        view.ParticipationRate.Should().Be(0.75);
        view.Overall.Should().BeEquivalentTo(new ScoreStats(3, 13.0 / 3, [0, 0, 0, 2, 1]));
        // reliability: 4, 4 | 4, 4 | 5, 5 → 26 / 6 from 3 respondents
        view.Factors["reliability"].Should().BeEquivalentTo(new ScoreStats(3, 26.0 / 6, [0, 0, 0, 4, 2]));
        view.Factors["openness"].Should().BeEquivalentTo(new ScoreStats(3, 13.0 / 3, [0, 0, 0, 2, 1]));
        // 8 values of 4 and 4 of 5: (52/12 − 1) / 4 × 100 = 83.33
        view.TrustIndex.Should().BeApproximately(250.0 / 3, 1e-9);
        view.HelpedPicks["care"].Should().Be(2);
        view.HurtPicks["openness"].Should().Be(1);
        view.HurtPicks["care"].Should().Be(0);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    public void Two_short_runs_are_never_pooled_even_when_their_answers_together_reach_k(int firstResponded, int secondResponded)
    {
        // 3 or 4 answers in all, k = 3: pooled they would pass, but they may come from only two people
        PulseRollup[] runs = [WithRespondents(0, firstResponded), WithRespondents(1, secondResponded)];

        var (views, pending) = SummaryViews.From(runs);

        views.Should().BeEmpty();
        pending.Should().Be(new PendingAnswers(Responded: secondResponded, Threshold: 3, Runs: 2));
    }

    [Fact]
    public void A_run_that_meets_k_after_short_runs_is_shown_alone_and_clears_pending()
    {
        PulseRollup[] runs = [WithRespondents(0, 2), WithRespondents(1, 1), WithRespondents(2, 3)];

        SummaryViews.From(runs[..2]).Should().BeEquivalentTo(new SummaryViewSet([], new PendingAnswers(1, 3, 2)));

        var (views, pending) = SummaryViews.From(runs);

        var view = views.Should().ContainSingle().Subject;
        view.RunIds.Should().Equal(runs[2].RunId);
        view.From.Should().Be(runs[2].OpensAt);
        view.Responded.Should().Be(3);
        view.Invited.Should().Be(5);
        pending.Should().BeNull();
    }

    [Fact]
    public void Short_runs_after_a_view_are_pending_and_never_extend_it()
    {
        PulseRollup[] runs = [WithRespondents(0, 3), WithRespondents(1, 2), WithRespondents(2, 1)];

        var afterOne = SummaryViews.From(runs[..1]);
        var afterThree = SummaryViews.From(runs);

        afterThree.Views.Should().BeEquivalentTo(afterOne.Views);
        afterThree.Views.Single().RunIds.Should().Equal(runs[0].RunId);
        afterThree.Views.Single().Responded.Should().Be(3);
        afterThree.Pending.Should().Be(new PendingAnswers(Responded: 1, Threshold: 3, Runs: 2));
    }

    [Fact]
    public void Each_run_that_meets_k_is_its_own_view_oldest_first()
    {
        PulseRollup[] runs = [WithRespondents(0, 3), WithRespondents(1, 4), WithRespondents(2, 2), WithRespondents(3, 5)];

        var (views, pending) = SummaryViews.From(runs);

        views.Select(v => v.RunIds).Should().BeEquivalentTo(
            [new[] { runs[0].RunId }, new[] { runs[1].RunId }, new[] { runs[3].RunId }], o => o.WithStrictOrdering());
        views.Select(v => v.Responded).Should().Equal(3, 4, 5);
        pending.Should().BeNull();
    }

    [Fact]
    public void Runs_with_different_frozen_thresholds_are_each_held_to_their_own()
    {
        // week 1 has 4 answers: enough for k = 3 or 4, not for its own k = 5; week 2 has 4 for its k = 4
        PulseRollup[] runs =
        [
            WithRespondents(0, 3, threshold: 3),
            WithRespondents(1, 4, threshold: 5),
            WithRespondents(2, 4, threshold: 4),
            WithRespondents(3, 2, threshold: 3),
        ];

        SummaryViews.From(runs[..2]).Pending.Should().Be(new PendingAnswers(4, 5, 1));

        var (views, pending) = SummaryViews.From(runs);

        views.Select(v => v.RunIds.Single()).Should().Equal(runs[0].RunId, runs[2].RunId);
        views.Select(v => v.AnonymityThreshold).Should().Equal(3, 4);
        views.Select(v => v.Responded).Should().Equal(3, 4);
        pending.Should().Be(new PendingAnswers(2, 3, 1));
    }

    [Fact]
    public void Pending_shows_the_newest_short_run_against_its_own_threshold()
    {
        // the older short run needed 5 and had 4; the newest needs 3 and has 1
        PulseRollup[] runs = [WithRespondents(0, 4, threshold: 5), WithRespondents(1, 1, threshold: 3)];

        SummaryViews.From(runs).Should().BeEquivalentTo(new SummaryViewSet([], new PendingAnswers(Responded: 1, Threshold: 3, Runs: 2)));
    }

    [Fact]
    public void A_factor_fewer_than_k_scored_is_left_out_and_out_of_the_index_even_when_the_run_met_k()
    {
        // Three answers score 4 everywhere; one of them also scored openness.1 with a 1 (an older card).
        // With openness the index would be (9 × 4 + 1 − 10) / 40 × 100 = 67.5, and index minus the shown
        // factors would give away that one person's answer.
        var answers = Answers(("reliability.1", [4, 4, 4]), ("reliability.3", [2, 2, 2]), ("overall", [4, 4, 4])).ToList();
        answers[0] = AlsoScoring(answers[0], ("openness.1", 1));

        var view = SummaryViews.From([Closed(0, answers)]).Views.Should().ContainSingle().Subject;

        view.Responded.Should().Be(3);
        view.Factors.Keys.Should().Equal("reliability");
        view.TrustIndex.Should().Be(75);
    }

    [Fact]
    public void The_overall_item_is_left_out_when_fewer_than_k_answered_it()
    {
        var answers = Answers(("reliability.1", [4, 4, 4]), ("reliability.3", [2, 2, 2])).ToList();
        answers[0] = AlsoScoring(answers[0], ("overall", 1));

        var view = SummaryViews.From([Closed(0, answers)]).Views.Should().ContainSingle().Subject;

        view.Overall.Should().Be(ScoreStats.None);
        view.HasScores.Should().BeTrue();
        view.TrustIndex.Should().Be(75);
    }

    [Fact]
    public void No_runs_means_no_views_and_nothing_pending() =>
        SummaryViews.From([]).Should().BeEquivalentTo(new SummaryViewSet([], null));

    private static PulseAnswer AlsoScoring(PulseAnswer answer, (string ItemId, int Point) extra) =>
        answer with { Scores = new Dictionary<string, int>(answer.Scores) { [extra.ItemId] = extra.Point } };
}
