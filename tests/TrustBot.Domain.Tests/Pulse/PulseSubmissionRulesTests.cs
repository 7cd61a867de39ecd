using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Tests.Pulse;

public sealed class PulseSubmissionRulesTests
{
    private static readonly PulseRun Run = TestRuns.Open(["care.1", "safety.5", "reliability.2", "openness.1", "integrity.3", "overall"]);
    private static readonly DateTimeOffset DuringTheRun = Run.OpensAt.AddHours(5);

    private static PulseSubmission Valid() => new(
        Run.RunId,
        Run.ItemIds.ToDictionary(id => id, _ => 4),
        ["care", "openness"],
        ["safety"],
        "Stand-ups got better.");

    private static IReadOnlyList<string> ProblemsWith(PulseSubmission submission) =>
        PulseSubmissionRules.Problems(Run, submission, DuringTheRun);

    private static Dictionary<string, int> ScoresWith(string itemId, int point) =>
        new(Valid().Scores) { [itemId] = point };

    [Fact]
    public void A_complete_submission_within_the_window_has_no_problems()
    {
        ProblemsWith(Valid()).Should().BeEmpty();
        ProblemsWith(Valid() with { Comment = null, Helped = [], Hurt = [] }).Should().BeEmpty();
    }

    [Fact]
    public void A_submission_after_the_window_is_told_when_the_pulse_closed_and_nothing_else() =>
        PulseSubmissionRules.Problems(Run, Valid() with { Scores = new Dictionary<string, int>() }, Run.ClosesAt)
            .Should().Equal("This pulse closed on 13 March 2025 at 09:00 UTC, so it no longer takes answers.");

    [Fact]
    public void A_submission_to_a_run_closed_early_is_told_it_is_closed() =>
        PulseSubmissionRules.Problems(Run with { State = PulseRunState.Closed }, Valid(), DuringTheRun)
            .Should().Equal("This pulse is closed, so it no longer takes answers.");

    [Fact]
    public void A_submission_for_another_run_is_refused() =>
        ProblemsWith(Valid() with { RunId = PulseRunIds.New(TestRuns.Monday.AddDays(-7), Guid.Empty) })
            .Should().Equal("This answer is for a different pulse. Please use the latest pulse card.");

    [Fact]
    public void A_score_for_a_question_not_in_the_run_is_refused() =>
        ProblemsWith(Valid() with { Scores = ScoresWith("safety.1", 3) })
            .Should().Equal("One answer is for a question that is not in this pulse.");

    [Fact]
    public void Every_question_must_be_answered_including_the_overall_one()
    {
        var scores = new Dictionary<string, int>(Valid().Scores);
        scores.Remove("overall");

        ProblemsWith(Valid() with { Scores = scores }).Should().Equal("Please answer every question: one is still unanswered.");
        ProblemsWith(Valid() with { Scores = new Dictionary<string, int>() })
            .Should().Equal("Please answer every question: 6 are still unanswered.");
    }

    [Fact]
    public void Scores_off_the_five_point_scale_are_refused()
    {
        var scores = new Dictionary<string, int>(Valid().Scores) { ["care.1"] = 0, ["overall"] = 6 };

        ProblemsWith(Valid() with { Scores = scores })
            .Should().Equal("Each answer must be from 1 (Strongly disagree) to 5 (Strongly agree); 2 are not.");
    }

    [Fact]
    public void A_comment_of_500_characters_is_fine_but_501_is_refused_with_its_length()
    {
        ProblemsWith(Valid() with { Comment = new string('a', 500) }).Should().BeEmpty();
        ProblemsWith(Valid() with { Comment = new string('a', 501) })
            .Should().Equal("Your comment is 501 characters long; please keep it to 500 or fewer.");
    }

    [Fact]
    public void Picks_must_be_known_factors() =>
        ProblemsWith(Valid() with { Hurt = ["blame"] })
            .Should().Equal("Under \"what hurt\", please pick only from the listed factors.");

    [Fact]
    public void A_factor_cannot_have_both_helped_and_hurt() =>
        ProblemsWith(Valid() with { Helped = ["care"], Hurt = ["care", "safety"] })
            .Should().Equal("Care is picked under both \"what helped\" and \"what hurt\"; please keep it under one.");

    [Fact]
    public void At_most_three_factors_can_be_picked_under_each_heading()
    {
        ProblemsWith(Valid() with { Helped = ["care", "openness", "integrity"], Hurt = ["safety", "reliability", "competence"] })
            .Should().BeEmpty();
        ProblemsWith(Valid() with { Helped = ["care", "openness", "integrity", "competence"] })
            .Should().Equal("Under \"what helped\", please pick at most 3 factors (you picked 4).");
    }

    [Fact]
    public void A_factor_picked_twice_under_one_heading_is_refused() =>
        ProblemsWith(Valid() with { Helped = ["care", "care"] })
            .Should().Equal("Under \"what helped\", each factor can be picked only once.");

    [Fact]
    public void Every_problem_is_reported_at_once_so_the_member_can_fix_them_together()
    {
        var scores = new Dictionary<string, int>(ScoresWith("care.1", 9));
        scores.Remove("overall");

        ProblemsWith(new PulseSubmission(Run.RunId, scores, ["nope"], [], new string('x', 600))).Should().HaveCount(4);
    }

    [Fact]
    public void The_answer_stored_is_the_submission_with_its_comment_sealed_together_until_the_close()
    {
        var submission = Valid() with { Comment = "We help each other." };

        var answer = submission.ToAnswer();

        answer.Scores.Should().BeSameAs(submission.Scores);
        answer.Helped.Should().BeSameAs(submission.Helped);
        answer.Hurt.Should().BeSameAs(submission.Hurt);
        answer.Comment.Should().Be("We help each other.");
        (Valid() with { Comment = "" }).ToAnswer().Comment.Should().BeNull("a blank comment is no comment");
    }
}
