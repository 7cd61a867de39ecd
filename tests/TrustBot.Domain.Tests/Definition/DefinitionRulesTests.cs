using TrustBot.Domain.Definition;

namespace TrustBot.Domain.Tests.Definition;

public sealed class DefinitionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly TrustVote Vote = new("19:contoso@thread.tacv2", "vote", ["a", "b", "c", "d"], Now, Now.AddDays(3), null);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n ")]
    public void An_empty_proposal_asks_to_finish_the_sentence(string? text) =>
        DefinitionRules.ProposalProblems(text).Should().Equal("Please finish the sentence \"On our team, trust means …\".");

    [Fact]
    public void Ten_and_two_hundred_eighty_characters_are_the_limits_of_a_proposal()
    {
        DefinitionRules.ProposalProblems(new string('a', 9)).Should().Equal("Your statement is 9 characters long; please make it at least 10.");
        DefinitionRules.ProposalProblems(new string('a', 10)).Should().BeEmpty();
        DefinitionRules.ProposalProblems(new string('a', 280)).Should().BeEmpty();
        DefinitionRules.ProposalProblems(new string('a', 281)).Should().Equal("Your statement is 281 characters long; please keep it to 280 or fewer.");
    }

    [Fact]
    public void A_proposal_is_stored_trimmed_with_its_white_space_collapsed_and_anonymous_unless_named()
    {
        var proposal = TrustProposal.New("team", "  We   say\tearly when\n we are stuck. ", null, Now, Guid.NewGuid());

        proposal.Text.Should().Be("We say early when we are stuck.");
        proposal.Author.Should().BeNull();
    }

    [Fact]
    public void One_to_three_distinct_picks_from_the_ballot_are_a_valid_vote()
    {
        DefinitionRules.BallotProblems(Vote, ["a"]).Should().BeEmpty();
        DefinitionRules.BallotProblems(Vote, ["a", "b", "c"]).Should().BeEmpty();
    }

    [Fact]
    public void A_ballot_needs_a_pick_and_allows_at_most_three()
    {
        DefinitionRules.BallotProblems(Vote, []).Should().Equal("Please pick at least one statement.");
        DefinitionRules.BallotProblems(Vote, ["a", "b", "c", "d"]).Should().Equal("Please pick at most 3 statements (you picked 4).");
    }

    [Fact]
    public void A_pick_twice_or_a_pick_not_on_the_ballot_is_refused()
    {
        DefinitionRules.BallotProblems(Vote, ["a", "a"]).Should().Equal("Each statement can be picked only once.");
        DefinitionRules.BallotProblems(Vote, ["a", "another-team"]).Should().Equal("One of your picks isn't on this ballot. Please pick only from the listed statements.");
    }

    [Fact]
    public void A_vote_is_open_until_it_closes_or_a_lead_closes_it()
    {
        Vote.IsOpenAt(Now.AddDays(3).AddTicks(-1)).Should().BeTrue();
        Vote.IsOpenAt(Now.AddDays(3)).Should().BeFalse();
        Vote.ClosedAtOrBefore(Now.AddHours(1)).IsOpenAt(Now.AddHours(2)).Should().BeFalse();
        Vote.ClosedAtOrBefore(Now.AddDays(9)).ClosedAt.Should().Be(Now.AddDays(3));
        Vote.ClosedAtOrBefore(Now.AddHours(1)).ClosedAtOrBefore(Now.AddHours(2)).ClosedAt.Should().Be(Now.AddHours(1));
    }

    [Fact]
    public void Charter_statements_are_the_non_blank_lines_normalised()
    {
        DefinitionRules.Statements("  We say early.  \r\n\n  Nobody   is blamed. \n").Should().Equal("We say early.", "Nobody is blamed.");
        DefinitionRules.Statements(null).Should().BeEmpty();
    }

    [Fact]
    public void A_charter_needs_one_to_ten_statements_each_of_proposal_length()
    {
        DefinitionRules.CharterProblems([]).Should().Equal("Please keep at least one statement for the charter.");
        DefinitionRules.CharterProblems([.. Enumerable.Repeat("We say early when we are stuck.", 11)]).Should().ContainSingle().Which.Should().Contain("at most 10 statements");
        DefinitionRules.CharterProblems(["We say early when we are stuck.", "Short."]).Should().Equal("Statement 2 is 6 characters long; please make it at least 10.");
        DefinitionRules.CharterProblems([.. Enumerable.Repeat("We say early when we are stuck.", 10)]).Should().BeEmpty();
    }

    [Fact]
    public void The_tally_counts_each_ballot_s_picks_on_the_ballot_zero_included()
    {
        TrustBallot Ballot(string member, params string[] picks) => new(Vote.TeamId, Vote.Id, member, picks, Now);

        var counts = VoteTally.Count(Vote, [Ballot("m1", "a", "b"), Ballot("m2", "a"), Ballot("m3"), Ballot("m4", "a", "elsewhere"), Ballot("m5", "c") with { VoteId = "older" }]);

        counts.Should().Equal(new Dictionary<string, int> { ["a"] = 3, ["b"] = 1, ["c"] = 0, ["d"] = 0 });
    }
}
