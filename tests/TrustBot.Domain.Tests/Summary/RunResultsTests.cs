using TrustBot.Domain.Summary;
using static TrustBot.Domain.Tests.Summary.SummaryRuns;

namespace TrustBot.Domain.Tests.Summary;

public sealed class RunResultsTests
{
    [Fact]
    public void A_run_that_met_its_k_shows_its_index_the_change_and_the_strongest_and_weakest_factor()
    {
        var before = WithRespondents(0, 3);
        var run = Closed(1, Answers(("reliability.1", [5, 5, 4]), ("reliability.3", [1, 1, 2]), ("openness.1", [2, 3, 2]), ("overall", [4, 4, 4])));

        var results = RunResults.Of(NewestFirst(before, run), run.RunId)!;

        results.HasNumbers.Should().BeTrue();
        results.View!.RunIds.Should().Equal(run.RunId);
        results.TrustIndexChange.Should().BeApproximately(results.View.TrustIndex - 75, 0.001);
        results.Strongest!.Factor.Id.Should().Be("reliability");
        results.Weakest!.Factor.Id.Should().Be("openness");
        results.Responded.Should().Be(3);
        results.Invited.Should().Be(5);
    }

    [Fact]
    public void Below_k_there_are_no_numbers()
    {
        var run = WithRespondents(0, 2);

        var results = RunResults.Of(NewestFirst(run), run.RunId)!;

        results.HasNumbers.Should().BeFalse();
        results.TrustIndexChange.Should().BeNull();
        results.Strongest.Should().BeNull();
        results.Weakest.Should().BeNull();
        results.Responded.Should().Be(2);
    }

    [Fact]
    public void Later_runs_do_not_change_a_runs_results_and_an_unknown_run_has_none()
    {
        var run = WithRespondents(0, 3);
        var later = Closed(1, Answers(("reliability.1", [1, 1, 1]), ("reliability.3", [5, 5, 5]), ("openness.1", [1, 1, 1]), ("overall", [1, 1, 1])));

        RunResults.Of(NewestFirst(run, later), run.RunId).Should().BeEquivalentTo(RunResults.Of(NewestFirst(run), run.RunId));
        RunResults.Of(NewestFirst(run), "20261101T090000Z-00000000000000000000000000000000").Should().BeNull();
    }

    [Fact]
    public void A_factor_fewer_than_k_scored_is_neither_strongest_nor_weakest()
    {
        // openness.1 is answered by two of the three only.
        var run = Closed(0, [.. Answers(("reliability.1", [4, 4]), ("reliability.3", [2, 2]), ("openness.1", [1, 1]), ("overall", [4, 4])),
            .. Answers(("reliability.1", [4]), ("reliability.3", [2]), ("overall", [4]))]);

        var results = RunResults.Of(NewestFirst(run), run.RunId)!;

        results.Strongest!.Factor.Id.Should().Be("reliability");
        results.Weakest.Should().BeNull("only one factor was scored by enough people");
    }
}
