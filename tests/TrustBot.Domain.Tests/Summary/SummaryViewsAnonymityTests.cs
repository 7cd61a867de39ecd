using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;
using static TrustBot.Domain.Tests.Summary.SummaryRuns;

namespace TrustBot.Domain.Tests.Summary;

/// <summary>
/// The subtraction cases of issue 6. A lead sees every view the summary ever returned as history
/// grows. Answers are not people: a person answers every run, so counts added up over runs can
/// come from fewer than k people. The only safe view is therefore one run that at least its own k
/// answered, and no two views may share a run, so that no difference of views isolates anyone.
/// </summary>
public sealed class SummaryViewsAnonymityTests
{
    private const int RunsPerHistory = 5;

    // (answers, frozen k) of one run: exactly k and k + 1 for k = 3 and k = 4, and runs short of k.
    private static readonly (int Responded, int Threshold)[] Shapes =
        [(0, 3), (1, 3), (2, 3), (3, 3), (4, 3), (2, 4), (4, 4), (5, 4)];

    [Fact]
    public void No_two_views_ever_returned_while_history_grows_can_be_subtracted_to_reveal_fewer_than_k()
    {
        // Every history of five runs drawn from the shapes: 8^5 = 32,768 histories, each asked after every run.
        var runs = Enumerable.Range(0, RunsPerHistory)
            .Select(week => Shapes.Select(s => WithRespondents(week, s.Responded, s.Threshold)).ToArray())
            .ToArray();

        var problems = Histories(Shapes.Length, RunsPerHistory)
            .SelectMany(shapeOfWeek => SubtractionProblems([.. shapeOfWeek.Select((shape, week) => runs[week][shape])]))
            .Take(10)
            .ToList();

        problems.Should().BeEmpty();
    }

    [Fact]
    public void A_lead_who_answered_cannot_isolate_another_person_by_pooling_two_runs_of_two()
    {
        // The lead and one colleague answer two runs each, k = 3: four answers from two people.
        // A pooled view "of 4" minus the lead's own two answers would be the colleague's two.
        PulseRollup[] runs = [WithRespondents(0, 2), WithRespondents(1, 2)];

        SummaryViews.From(runs[..1]).Should().BeEquivalentTo(new SummaryViewSet([], new PendingAnswers(2, 3, 1)));
        SummaryViews.From(runs).Should().BeEquivalentTo(new SummaryViewSet([], new PendingAnswers(2, 3, 2)));
        TeamSummaries.Build(NewestFirst(runs), []).Latest.Should().BeNull();
    }

    [Fact]
    public void A_member_changing_their_answer_before_close_changes_no_view_but_that_runs_own()
    {
        // Views come only from closed roll-ups: a run is rolled up once, with each member's last answer.
        var earlier = WithRespondents(0, 3);
        var asFirstAnswered = Closed(1, [AllFours, AllFours, AllFours, AllFours]);
        var asFinallyAnswered = Closed(1, [AllFours, AllFours, AllFours, Answers(("reliability.1", [1]), ("reliability.3", [5]), ("openness.1", [1]), ("overall", [1]))[0]]);

        var before = SummaryViews.From([earlier, asFirstAnswered]).Views;
        var after = SummaryViews.From([earlier, asFinallyAnswered]).Views;

        after.Select(v => v.RunIds).Should().BeEquivalentTo(before.Select(v => v.RunIds), o => o.WithStrictOrdering());
        after[0].Should().BeEquivalentTo(before[0]);
        after[1].TrustIndex.Should().BeLessThan(before[1].TrustIndex);
        SummaryViews.From([earlier, asFinallyAnswered]).Should().BeEquivalentTo(SummaryViews.From([earlier, asFinallyAnswered]));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void A_roster_change_between_runs_changes_only_invited_and_participation(int responded)
    {
        // the same answers, sent to 5 members and then to 9; both histories end with two short runs pending
        PulseRollup[] asInvited = [WithRespondents(0, responded), WithRespondents(1, 2), WithRespondents(2, 1)];
        PulseRollup[] reInvited = [.. asInvited.Select(r => r with { Invited = 9 })];

        var before = SummaryViews.From(asInvited);
        var after = SummaryViews.From(reInvited);

        after.Should().BeEquivalentTo(before, o => o.Excluding(s => s.Path.EndsWith("Invited", StringComparison.Ordinal) || s.Path.EndsWith("ParticipationRate", StringComparison.Ordinal)));
        after.Views.Select(v => v.Invited).Should().Equal(9);
        after.Pending.Should().Be(new PendingAnswers(1, 3, 2));
    }

    [Fact]
    public void Any_window_of_the_history_yields_the_same_views_for_the_runs_in_it()
    {
        // weeks 2 and 4 are shown; weeks 0, 1, 3 and 5 are short
        PulseRollup[] runs = [WithRespondents(0, 1), WithRespondents(1, 2), WithRespondents(2, 3), WithRespondents(3, 2), WithRespondents(4, 4), WithRespondents(5, 1)];

        var whole = SummaryViews.From(runs);

        whole.Views.Select(v => v.RunIds.Single()).Should().Equal(runs[2].RunId, runs[4].RunId);
        whole.Pending.Should().Be(new PendingAnswers(1, 3, 1));
        for (var start = 0; start < runs.Length; start++)
        {
            var inWindow = runs[start..].Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);

            SummaryViews.From(runs[start..]).Views.Should().BeEquivalentTo(
                whole.Views.Where(v => inWindow.IsSupersetOf(v.RunIds)), o => o.WithStrictOrdering(), "window from week {0}", start);
        }
    }

    /// <summary>What is wrong with the views a lead sees as the history's runs close one by one (plain checks: this runs 160,000 times).</summary>
    private static IEnumerable<string> SubtractionProblems(IReadOnlyList<PulseRollup> history)
    {
        var runById = history.ToDictionary(r => r.RunId, StringComparer.Ordinal);
        var seen = new List<SummaryView>();
        IReadOnlyList<SummaryView> previousCall = [];
        for (var closed = 1; closed <= history.Count; closed++)
        {
            var views = SummaryViews.From([.. history.Take(closed)]).Views;

            // A new closed run only adds views after those already seen, so yesterday's views are today's first ones.
            if (!views.Take(previousCall.Count).Select(Fingerprint).SequenceEqual(previousCall.Select(Fingerprint)))
            {
                yield return $"closing run {closed} changed a view already shown: {string.Join(" | ", views.Select(Fingerprint))}";
            }

            seen.AddRange(views.Skip(previousCall.Count));
            previousCall = views;
        }

        foreach (var view in seen.Where(v => v.RunIds.Count != 1))
        {
            yield return $"view {Fingerprint(view)} covers {view.RunIds.Count} runs, not exactly one";
        }

        foreach (var view in seen.Where(v => v.RunIds.Count == 1))
        {
            var run = runById[view.RunIds[0]];
            if (view.Responded != run.Responded || view.AnonymityThreshold != run.AnonymityThreshold || run.Responded < run.AnonymityThreshold)
            {
                yield return $"view {Fingerprint(view)} is not its run's {run.Responded} of at least its own k = {run.AnonymityThreshold}";
            }
        }

        foreach (var (a, b) in seen.SelectMany((a, i) => seen.Skip(i + 1).Select(b => (a, b))).Where(p => p.a.RunIds.Intersect(p.b.RunIds).Any()))
        {
            yield return $"views {Fingerprint(a)} and {Fingerprint(b)} share a run";
        }

        // and nothing that could be shown is held back: every run that met its own k is a view
        var shownRuns = seen.SelectMany(v => v.RunIds).ToHashSet(StringComparer.Ordinal);
        foreach (var run in history.Where(r => r.Responded >= r.AnonymityThreshold && !shownRuns.Contains(r.RunId)))
        {
            yield return $"run {run.RunId} had {run.Responded} of {run.AnonymityThreshold} but was never shown";
        }
    }

    private static string Fingerprint(SummaryView view) =>
        FormattableString.Invariant($"[{string.Join(",", view.RunIds)}] {view.Responded} of {view.AnonymityThreshold}, index {view.TrustIndex:R}");

    /// <summary>Every sequence of <paramref name="length"/> choices among <paramref name="choices"/>.</summary>
    private static IEnumerable<int[]> Histories(int choices, int length) =>
        length == 0 ? [[]] : Histories(choices, length - 1).SelectMany(h => Enumerable.Range(0, choices).Select(c => (int[])[.. h, c]));
}
