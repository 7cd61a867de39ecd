using TrustBot.Domain.Actions;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;

namespace TrustBot.Domain.Tests.Summary;

public sealed class ActionEffectsTests
{
    private static readonly DateTimeOffset Week1 = new(2026, 9, 7, 9, 0, 0, TimeSpan.Zero);

    private static SummaryView View(int week, double openness) => new(
        [$"run{week}"], Week1.AddDays(7 * week), Week1.AddDays((7 * week) + 3), 5, 4, 3, 60,
        new ScoreStats(4, 3, [0, 0, 4, 0, 0]),
        new Dictionary<string, ScoreStats> { ["openness"] = new(4, openness, [0, 0, 4, 0, 0]) },
        new Dictionary<string, int>(), new Dictionary<string, int>());

    private static ActionItem Action(int addedWeek, int? doneWeek, string factor = "openness") => new(
        "team", $"a{addedWeek}{doneWeek}", "Share the roadmap", "m1", "Megan", DateOnly.FromDateTime(Week1.AddDays(7 * addedWeek + 14).Date),
        factor, "m2", Week1.AddDays((7 * addedWeek) + 4), doneWeek is null ? null : Week1.AddDays((7 * doneWeek.Value) + 4));

    [Fact]
    public void A_factor_whose_actions_are_all_done_shows_its_score_before_the_first_and_after_the_last()
    {
        IReadOnlyList<SummaryView> views = [View(0, 2.5), View(1, 2.6), View(2, 3.0), View(3, 3.4)];

        var effect = ActionEffects.Of([Action(0, 1), Action(1, 2)], views).Should().ContainSingle().Subject;

        effect.Factor.Should().Be(TrustFactors.Openness);
        effect.Completed.Should().Be(2);
        effect.Before.Should().Be(2.5, "the last view that closed before the first action was added");
        effect.After.Should().Be(3.4, "the first view that opened after the last action was done");
        effect.Change.Should().BeApproximately(0.9, 1e-9);
    }

    [Fact]
    public void A_factor_with_an_open_action_is_not_judged_yet()
    {
        ActionEffects.Of([Action(0, 1), Action(1, null)], [View(0, 2.5), View(3, 3.4)]).Should().BeEmpty();
    }

    [Fact]
    public void Without_a_view_after_the_last_completion_there_is_nothing_to_compare()
    {
        ActionEffects.Of([Action(0, 3)], [View(0, 2.5), View(1, 2.6)]).Should().BeEmpty();
    }
}
