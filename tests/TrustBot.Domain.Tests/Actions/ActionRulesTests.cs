using TrustBot.Domain.Actions;

namespace TrustBot.Domain.Tests.Actions;

public sealed class ActionRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly string[] Team = ["megan", "adele"];

    private static ActionDraft Valid() => new("Share the release checklist before planning.", "megan", Today.AddDays(7), "reliability");

    private static IReadOnlyList<string> ProblemsWith(ActionDraft draft) => ActionRules.Problems(draft, Today, Team);

    [Fact]
    public void A_complete_draft_due_today_or_within_a_year_has_no_problems()
    {
        ProblemsWith(Valid()).Should().BeEmpty();
        ProblemsWith(Valid() with { DueOn = Today }).Should().BeEmpty();
        ProblemsWith(Valid() with { DueOn = Today.AddYears(1), Title = new string('x', ActionRules.MaxTitleLength) }).Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_title_is_asked_for(string title) =>
        ProblemsWith(Valid() with { Title = title }).Should().Equal("Please say what is to be done.");

    [Fact]
    public void A_title_over_200_characters_is_told_its_length() =>
        ProblemsWith(Valid() with { Title = new string('x', 201) }).Should().Equal("The title is 201 characters long; please keep it to 200 or fewer.");

    [Fact]
    public void A_due_date_in_the_past_or_over_a_year_ahead_is_refused()
    {
        ProblemsWith(Valid() with { DueOn = Today.AddDays(-1) }).Should().ContainSingle().Which.Should().Contain("in the past");
        ProblemsWith(Valid() with { DueOn = Today.AddYears(1).AddDays(1) }).Should().ContainSingle().Which.Should().Contain("more than a year away");
    }

    [Fact]
    public void An_owner_not_on_the_team_or_an_unknown_factor_is_refused()
    {
        ProblemsWith(Valid() with { OwnerId = "mallory" }).Should().Equal("The owner must be a member of the team; please pick someone from the list.");
        ProblemsWith(Valid() with { FactorId = "gossip" }).Should().Equal("Please pick one of the listed trust factors.");
    }

    [Fact]
    public void Ids_sort_in_the_order_items_were_added_and_are_recognised()
    {
        var first = ActionItemIds.New(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), Guid.NewGuid());
        var second = ActionItemIds.New(new DateTimeOffset(2026, 11, 23, 9, 0, 1, TimeSpan.Zero), Guid.NewGuid());

        string.CompareOrdinal(first, second).Should().BeNegative();
        ActionItemIds.IsWellFormed(first).Should().BeTrue();
        ActionItemIds.IsWellFormed("../other-team").Should().BeFalse();
    }
}
