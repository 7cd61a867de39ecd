using TrustBot.Domain.Pulse;
using TrustBot.Domain.Tests.Pulse;
using static TrustBot.Domain.Tests.Questions.TeamQuestions;

namespace TrustBot.Domain.Tests.Questions;

/// <summary>A team's bank: the built-in items with the team's own questions, and how pulses draw from it.</summary>
public sealed class TeamBankTests
{
    [Fact]
    public void Active_questions_join_the_items_after_the_built_in_ones_and_retired_ones_do_not()
    {
        var active = Active(1);
        var retired = Retired(2);

        var bank = BankWith(active, retired);

        bank.Items.Should().Equal([.. QuestionBank.BuiltIn.Items, active.Item]);
        bank.Overall.Should().BeSameAs(QuestionBank.BuiltIn.Overall);
    }

    [Fact]
    public void Retired_questions_are_still_found_by_id_so_old_runs_and_roll_ups_keep_them()
    {
        var retired = Retired(2);

        var bank = BankWith(Active(1), retired);

        bank.Find(retired.Item.Id).Should().Be(retired.Item);
        bank.Find("safety.1").Should().Be(QuestionBank.BuiltIn.Find("safety.1"));
    }

    [Fact]
    public void The_built_in_bank_is_left_as_it_was() =>
        BankWith(Active(1)).Should().NotBeSameAs(QuestionBank.BuiltIn).And.Subject.As<QuestionBank>().Items.Should().HaveCount(QuestionBank.BuiltIn.Items.Count + 1);

    [Fact]
    public void A_question_that_is_not_a_teams_own_cannot_join()
    {
        var builtInLookalike = Active(1) with { Item = QuestionBank.BuiltIn.Find("care.1")! };
        var overall = Active(2) with { Item = Active(2).Item with { FactorId = "overall" } };

        FluentActions.Invoking(() => BankWith(builtInLookalike)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => BankWith(overall)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => BankWith(Active(3), Active(3))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void An_active_question_is_asked_like_any_item_of_its_factor_and_comes_round_in_the_rotation()
    {
        var custom = Active(1, "safety");
        var bank = BankWith(custom);

        var runs = new List<PulseRun>();
        for (var week = 0; week < 7; week++)
        {
            runs.Add(TestRuns.Open(PulseItemSelector.Select(bank, runs), TestRuns.Monday.AddDays(7 * week)));
        }

        // 35 factor items (interpersonal and structural) at five a run: every one, the team's included, within seven runs.
        runs.SelectMany(r => r.ItemIds).Should().Contain(custom.Item.Id).And.Contain(bank.Items.Select(i => i.Id));
    }

    [Fact]
    public void A_retired_question_is_never_picked_again()
    {
        var question = Active(1, "care");
        var runs = new List<PulseRun>();
        for (var week = 0; week < 12; week++)
        {
            var bank = BankWith(week < 2 ? question : question with { RetiredAt = Monday });
            runs.Add(TestRuns.Open(PulseItemSelector.Select(bank, runs), TestRuns.Monday.AddDays(7 * week)));
        }

        runs.Skip(2).SelectMany(r => r.ItemIds).Should().NotContain(question.Item.Id);
    }

    [Fact]
    public void A_roll_up_scores_a_custom_item_under_its_factor_reverse_scored_when_marked_even_once_retired()
    {
        var question = Active(1, "care") with { RetiredAt = Monday };
        var reversed = question with { Item = question.Item with { IsReverseScored = true } };
        var run = TestRuns.Open([reversed.Item.Id, "overall"]);

        var rollup = PulseRollups.Compute(run, [TestRuns.Answer((reversed.Item.Id, 2), ("overall", 4))], BankWith(reversed), TestRuns.Monday.AddDays(3));

        rollup.Items[reversed.Item.Id].Mean.Should().Be(4);
        rollup.Factors["care"].Mean.Should().Be(4);
    }
}
