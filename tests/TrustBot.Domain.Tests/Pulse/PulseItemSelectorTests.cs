using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Tests.Pulse;

public sealed class PulseItemSelectorTests
{
    private static readonly QuestionBank Bank = QuestionBank.BuiltIn;

    /// <summary>Runs the team through <paramref name="count"/> weekly pulses, each chosen from all the runs before it.</summary>
    private static List<PulseRun> Simulate(QuestionBank bank, int count, int factorItemCount = 5)
    {
        var runs = new List<PulseRun>();
        for (var week = 0; week < count; week++)
        {
            runs.Add(TestRuns.Open(PulseItemSelector.Select(bank, runs, factorItemCount), TestRuns.Monday.AddDays(7 * week)));
        }

        return runs;
    }

    private static IEnumerable<string> Factors(QuestionBank bank, PulseRun run) =>
        run.ItemIds.Select(id => bank.Find(id)!).Where(i => !i.IsOverall).Select(i => i.FactorId);

    private static readonly IEnumerable<string> EveryFactorMeasured = TrustFactors.All.Concat(StructuralFactors.All).Select(f => f.Id);

    [Fact]
    public void The_first_run_asks_five_items_from_five_different_interpersonal_factors_then_the_overall_item()
    {
        var items = PulseItemSelector.Select(Bank, []);

        items.Should().Equal("care.1", "competence.1", "integrity.1", "openness.1", "reliability.1", "overall");
    }

    [Fact]
    public void The_second_run_covers_the_factors_the_first_left_out()
    {
        var runs = Simulate(Bank, 2);

        runs.SelectMany(r => Factors(Bank, r)).Distinct().Should().BeEquivalentTo(EveryFactorMeasured);
        Factors(Bank, runs[1]).Take(3).Should().Equal("safety", "assessment", "leadership");
    }

    [Fact]
    public void A_team_with_a_charter_is_asked_the_charter_item_every_run_just_before_the_overall_item()
    {
        var runs = new List<PulseRun>();
        for (var week = 0; week < 8; week++)
        {
            runs.Add(TestRuns.Open(PulseItemSelector.Select(Bank, runs, hasCharter: true), TestRuns.Monday.AddDays(7 * week)));
        }

        runs.Should().AllSatisfy(run =>
        {
            run.ItemIds.Should().HaveCount(7).And.OnlyHaveUniqueItems();
            run.ItemIds[^2].Should().Be("charter.1");
            run.ItemIds[^1].Should().Be("overall");
        });
    }

    [Fact]
    public void A_team_without_a_charter_is_never_asked_the_charter_item()
    {
        Simulate(Bank, 10).Should().AllSatisfy(run => run.ItemIds.Should().NotContain("charter.1"));
    }

    [Fact]
    public void A_bank_without_a_charter_item_asks_none_even_for_a_team_with_a_charter()
    {
        var bank = QuestionBank.Parse("""
            [{"id": "care.1", "factor": "care", "text": "C.", "reverse": false, "version": 1, "source": "s"},
             {"id": "overall", "factor": "overall", "text": "O.", "reverse": false, "version": 1, "source": "s"}]
            """);

        PulseItemSelector.Select(bank, [], hasCharter: true).Should().Equal("care.1", "overall");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Every_item_is_asked_once_before_any_is_asked_twice(int factorItemCount)
    {
        var asked = Simulate(Bank, 20, factorItemCount).SelectMany(r => r.ItemIds).Where(id => id != Bank.Overall.Id);

        var timesAsked = Bank.Items.ToDictionary(i => i.Id, _ => 0);
        foreach (var id in asked)
        {
            timesAsked.Values.Min().Should().Be(timesAsked[id], $"{id} is asked again only once every item has been asked as often");
            timesAsked[id]++;
        }
    }

    [Fact]
    public void With_three_items_per_factor_every_two_consecutive_runs_cover_all_six_factors()
    {
        var json = "[" + string.Join(",", TrustFactors.All.SelectMany(f => Enumerable.Range(1, 3).Select(n =>
                $$"""{"id": "{{f.Id}}.{{n}}", "factor": "{{f.Id}}", "text": "T.", "reverse": false, "version": 1, "source": "s"}""")))
            + """, {"id": "overall", "factor": "overall", "text": "O.", "reverse": false, "version": 1, "source": "s"}]""";
        var bank = QuestionBank.Parse(json);

        var runs = Simulate(bank, 12);

        runs.Zip(runs.Skip(1)).Should().AllSatisfy(pair =>
            Factors(bank, pair.First).Concat(Factors(bank, pair.Second)).Distinct().Should().HaveCount(6));
    }

    [Fact]
    public void With_the_built_in_bank_every_four_consecutive_runs_cover_all_eight_factors()
    {
        var runs = Simulate(Bank, 18);

        Enumerable.Range(0, runs.Count - 3).Should().AllSatisfy(start =>
            runs.Skip(start).Take(4).SelectMany(r => Factors(Bank, r)).Distinct().Should().BeEquivalentTo(EveryFactorMeasured));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(11)]
    [InlineData(29)]
    public void Whatever_the_history_the_items_chosen_are_among_the_least_asked(int seed)
    {
        var random = new Random(seed);
        var history = Enumerable.Range(0, 8)
            .Select(week => TestRuns.Open(
                Bank.Items.OrderBy(_ => random.Next()).Take(random.Next(4, 7)).Select(i => i.Id).Append("overall").ToList(),
                TestRuns.Monday.AddDays(7 * week)))
            .ToList();
        var timesAsked = Bank.Items.ToDictionary(i => i.Id, i => history.Count(r => r.ItemIds.Contains(i.Id)));

        var chosen = PulseItemSelector.Select(Bank, history).SkipLast(1).ToList();

        var mostAskedChosen = chosen.Max(id => timesAsked[id]);
        timesAsked.Where(t => !chosen.Contains(t.Key)).Should().AllSatisfy(t => t.Value.Should().BeGreaterThanOrEqualTo(mostAskedChosen));
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(4, 4)]
    [InlineData(6, 6)]
    [InlineData(10, 6)]
    public void The_number_of_factor_items_is_kept_between_four_and_six(int requested, int asked)
    {
        var items = PulseItemSelector.Select(Bank, [], requested);

        items.Should().HaveCount(asked + 1).And.OnlyHaveUniqueItems();
        items[^1].Should().Be("overall");
    }

    [Fact]
    public void The_overall_item_is_always_last_and_no_run_repeats_an_item()
    {
        Simulate(Bank, 15).Should().AllSatisfy(run =>
        {
            run.ItemIds.Should().OnlyHaveUniqueItems();
            run.ItemIds[^1].Should().Be("overall");
            run.ItemIds.Count(id => id == "overall").Should().Be(1);
        });
    }

    [Fact]
    public void The_order_the_recent_runs_come_in_does_not_matter()
    {
        var runs = Simulate(Bank, 7);

        PulseItemSelector.Select(Bank, Enumerable.Reverse(runs)).Should().Equal(PulseItemSelector.Select(Bank, runs));
    }

    [Fact]
    public void Items_the_bank_no_longer_has_are_ignored_in_the_history()
    {
        var retired = TestRuns.Open(["care.9", "gone.1", "overall"]);

        PulseItemSelector.Select(Bank, [retired]).Should().Equal(PulseItemSelector.Select(Bank, []));
    }

    [Fact]
    public void A_bank_with_fewer_items_than_asked_for_gives_all_of_them()
    {
        var bank = QuestionBank.Parse("""
            [
              {"id": "care.1", "factor": "care", "text": "T.", "reverse": false, "version": 1, "source": "s"},
              {"id": "safety.1", "factor": "safety", "text": "T.", "reverse": true, "version": 1, "source": "s"},
              {"id": "overall", "factor": "overall", "text": "O.", "reverse": false, "version": 1, "source": "s"}
            ]
            """);

        PulseItemSelector.Select(bank, []).Should().Equal("care.1", "safety.1", "overall");
    }
}
