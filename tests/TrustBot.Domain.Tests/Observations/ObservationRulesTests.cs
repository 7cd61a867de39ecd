using TrustBot.Domain.Observations;

namespace TrustBot.Domain.Tests.Observations;

public sealed class ObservationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ObservationEntry Valid() => new(
        ObservationKind.GoSee,
        "In the incident review, Sam said straight away that the rollback was his call.",
        ["safety", "integrity"],
        ObservationEffect.Helps,
        Today);

    private static IReadOnlyList<string> ProblemsWith(ObservationEntry entry) => ObservationRules.Problems(entry, Today);

    [Fact]
    public void A_complete_entry_has_no_problems()
    {
        ProblemsWith(Valid()).Should().BeEmpty();
        ProblemsWith(Valid() with { Kind = ObservationKind.Interview, Effect = ObservationEffect.Neutral, FactorIds = ["care"] }).Should().BeEmpty();
    }

    [Fact]
    public void An_entry_dated_in_the_past_is_fine() =>
        ProblemsWith(Valid() with { ObservedOn = Today.AddDays(-30) }).Should().BeEmpty();

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void An_entry_without_text_is_asked_for_it(string text) =>
        ProblemsWith(Valid() with { Text = text }).Should().Equal("Please write down what you saw or heard.");

    [Fact]
    public void Text_of_exactly_the_limit_is_accepted() =>
        ProblemsWith(Valid() with { Text = new string('x', ObservationRules.MaxTextLength) }).Should().BeEmpty();

    [Fact]
    public void Text_over_the_limit_is_told_its_length_and_the_limit() =>
        ProblemsWith(Valid() with { Text = new string('x', 1001) })
            .Should().Equal("What you saw is 1001 characters long; please keep it to 1000 or fewer.");

    [Fact]
    public void An_entry_without_a_factor_is_asked_for_one() =>
        ProblemsWith(Valid() with { FactorIds = [] }).Should().Equal("Please pick at least one trust factor it bears on.");

    [Fact]
    public void More_than_three_factors_are_refused() =>
        ProblemsWith(Valid() with { FactorIds = ["care", "safety", "openness", "reliability"] })
            .Should().Equal("Please pick at most 3 trust factors (you picked 4).");

    [Theory]
    [InlineData("trust")]
    [InlineData("Care")]
    [InlineData("overall")]
    public void A_factor_that_is_not_a_trust_factor_is_refused(string factorId) =>
        ProblemsWith(Valid() with { FactorIds = ["care", factorId] }).Should().Equal("Please pick only from the listed trust factors.");

    [Fact]
    public void A_factor_picked_twice_is_refused() =>
        ProblemsWith(Valid() with { FactorIds = ["care", "care"] }).Should().Equal("Each trust factor can be picked only once.");

    [Fact]
    public void A_date_after_today_is_refused_and_today_is_not()
    {
        ProblemsWith(Valid() with { ObservedOn = Today.AddDays(1) })
            .Should().Equal("The date is in the future; please pick the day you saw or heard it.");
        ProblemsWith(Valid() with { ObservedOn = Today }).Should().BeEmpty();
    }

    [Fact]
    public void Every_problem_is_reported_at_once() =>
        ProblemsWith(Valid() with { Text = "", FactorIds = [], ObservedOn = Today.AddYears(1) }).Should().HaveCount(3);
}
