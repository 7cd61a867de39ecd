using TrustBot.Domain.Pulse;
using TrustBot.Domain.Questions;
using static TrustBot.Domain.Tests.Questions.TeamQuestions;

namespace TrustBot.Domain.Tests.Questions;

public sealed class TeamQuestionRulesTests
{
    private static readonly QuestionBank Bank = QuestionBank.BuiltIn;

    private static IReadOnlyList<string> ProblemsOf(string? text, string? factor = "openness", QuestionBank? bank = null) =>
        TeamQuestionRules.Problems(new TeamQuestionDraft(text, factor, IsReverseScored: false), bank ?? Bank);

    [Fact]
    public void A_plain_statement_for_one_factor_has_no_problems() =>
        ProblemsOf("People on this team hand over work without surprises.").Should().BeEmpty();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t ")]
    public void An_empty_question_asks_for_the_question(string? text) =>
        ProblemsOf(text).Should().Equal("Please write the question: a statement members can agree or disagree with.");

    [Fact]
    public void A_question_under_ten_characters_says_how_long_it_is() =>
        ProblemsOf("  We  ship ").Should().Equal(
            "The question is 7 characters long; please make it at least 10, so members know what they are agreeing with.");

    [Fact]
    public void Ten_and_two_hundred_characters_are_the_limits()
    {
        ProblemsOf(new string('a', 10)).Should().BeEmpty();
        ProblemsOf(new string('a', 200)).Should().BeEmpty();
        ProblemsOf(new string('a', 201)).Should().Equal("The question is 201 characters long; please keep it to 200 or fewer.");
    }

    [Fact]
    public void Text_is_trimmed_and_its_white_space_collapsed() =>
        TeamQuestionRules.Normalize("  We   hand over\twork\n calmly. ").Should().Be("We hand over work calmly.");

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_missing_factor_asks_for_one_and_lists_them(string? factor) =>
        ProblemsOf("People on this team hand over work calmly.", factor).Should().Equal(
            "Please choose the factor of trust the question measures: Reliability, Competence, Openness, Care, Integrity, Psychological safety.");

    [Theory]
    [InlineData("trustiness")]
    [InlineData("OPENNESS")]
    [InlineData("<script>")]
    [InlineData("leadership")]
    [InlineData("assessment")]
    [InlineData("charter")]
    public void An_unknown_factor_is_refused_without_echoing_it(string factor) =>
        ProblemsOf("People on this team hand over work calmly.", factor).Should().ContainSingle()
            .Which.Should().StartWith("That factor is not one I know.").And.NotContain(factor);

    [Fact]
    public void The_overall_factor_is_refused_since_every_pulse_already_ends_with_it() =>
        ProblemsOf("People on this team hand over work calmly.", "overall").Should().ContainSingle()
            .Which.Should().StartWith("Every pulse already ends with the overall-trust question");

    [Theory]
    [InlineData("people on this team do what they say they will do.")]
    [InlineData("  OVERALL,  I trust the people on this team. ")]
    public void A_question_the_team_already_asks_is_a_duplicate_whatever_its_case_and_spacing(string text) =>
        ProblemsOf(text).Should().Equal("Your team's pulses already ask this question. Please write a different one.");

    [Fact]
    public void The_teams_own_active_questions_count_as_duplicates_but_retired_ones_do_not()
    {
        var bank = BankWith(Active(1, text: "We hand over work calmly."), Retired(2) with { Item = Retired(2).Item with { Text = "We laugh together often." } });

        ProblemsOf("we hand over work calmly.", bank: bank).Should().ContainSingle().Which.Should().Contain("already ask this question");
        ProblemsOf("We laugh together often.", bank: bank).Should().BeEmpty();
    }

    [Fact]
    public void Every_problem_is_reported_at_once() =>
        ProblemsOf("short", "overall").Should().HaveCount(2);

    [Fact]
    public void A_team_with_twenty_active_questions_must_retire_one_first_but_retired_ones_do_not_count()
    {
        var twenty = Enumerable.Range(1, 20).Select(n => Active(n)).ToArray();
        var nineteenAndARetired = twenty[..19].Append(Retired(20)).ToArray();

        ProblemsOf("People on this team hand over work calmly.", bank: BankWith(twenty)).Should().Equal(
            "Your team already has 20 questions of its own in use. Retire one first (type questions), then add this one.");
        ProblemsOf("People on this team hand over work calmly.", bank: BankWith(nineteenAndARetired)).Should().BeEmpty();
    }

    [Fact]
    public void A_new_question_is_a_version_1_item_added_by_the_team_with_the_text_tidied()
    {
        var question = TeamQuestion.New(TeamId, new TeamQuestionDraft("  We hand   over work calmly. ", "reliability", IsReverseScored: true), Guid.NewGuid(), Monday);

        question.Item.Should().BeEquivalentTo(new { FactorId = "reliability", Text = "We hand over work calmly.", IsReverseScored = true, Version = 1, Source = "Added by the team" });
        TeamQuestionIds.IsWellFormed(question.Item.Id).Should().BeTrue();
        question.Should().BeEquivalentTo(new { TeamId, AddedAt = Monday, RetiredAt = (DateTimeOffset?)null, IsRetired = false });
    }

    [Theory]
    [InlineData("overall")]
    [InlineData("unknown")]
    [InlineData(null)]
    public void A_question_without_one_of_the_six_factors_cannot_be_made(string? factor) =>
        FluentActions.Invoking(() => TeamQuestion.New(TeamId, new TeamQuestionDraft("We hand over work calmly.", factor, false), Guid.NewGuid(), Monday))
            .Should().Throw<ArgumentException>();
}
