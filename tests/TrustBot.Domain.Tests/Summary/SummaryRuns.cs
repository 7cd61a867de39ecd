using TrustBot.Domain.Observations;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Tests.Pulse;

namespace TrustBot.Domain.Tests.Summary;

/// <summary>Closed weekly runs rolled up for real (<see cref="PulseRollups.Compute"/>), and observations, for summary tests.</summary>
internal static class SummaryRuns
{
    /// <summary>reliability.3 ("I often have to chase people …") is reverse-scored.</summary>
    public static readonly string[] ItemIds = ["reliability.1", "reliability.3", "openness.1", "overall"];

    /// <summary>An answer that scores 4 on every item of <see cref="ItemIds"/> (reliability.3 answered 2, flipped to 4).</summary>
    public static readonly PulseAnswer AllFours = TestRuns.Answer(("reliability.1", 4), ("reliability.3", 2), ("openness.1", 4), ("overall", 4));

    /// <summary>The run of week <paramref name="week"/> (opens Monday, closes Thursday), closed with the answers.</summary>
    public static PulseRollup Closed(int week, IReadOnlyCollection<PulseAnswer> answers, int threshold = 3, int invited = 5, IReadOnlyList<string>? itemIds = null)
    {
        var run = TestRuns.Open(itemIds ?? ItemIds, TestRuns.Monday.AddDays(7 * week), threshold, invited);
        return PulseRollups.Compute(run, answers, QuestionBank.BuiltIn, run.ClosesAt);
    }

    /// <summary>The run of week <paramref name="week"/> with <paramref name="responded"/> answers of <see cref="AllFours"/>.</summary>
    public static PulseRollup WithRespondents(int week, int responded, int threshold = 3, int invited = 5) =>
        Closed(week, Enumerable.Repeat(AllFours, responded).ToList(), threshold, invited);

    /// <summary>Answers giving each respondent's point on each item: <c>Answers(("care.1", [3, 4, 5]))</c> is three answers.</summary>
    public static IReadOnlyList<PulseAnswer> Answers(params (string ItemId, int[] Points)[] items) =>
        Enumerable.Range(0, items[0].Points.Length)
            .Select(i => TestRuns.Answer([.. items.Select(item => (item.ItemId, item.Points[i]))]))
            .ToList();

    /// <summary>The answers with the given picks added to the first answers, one pick each.</summary>
    public static IReadOnlyList<PulseAnswer> WithPicks(IReadOnlyList<PulseAnswer> answers, string[] helped, string[] hurt) =>
        answers.Select((a, i) => a with
        {
            Helped = helped.Length > i ? [helped[i]] : [],
            Hurt = hurt.Length > i ? [hurt[i]] : [],
        }).ToList();

    public static Observation Observed(DateOnly on, ObservationEffect effect, params string[] factorIds) =>
        new("team-1", ObservationIds.New(TestRuns.Monday, Guid.NewGuid()), ObservationKind.Interview, "Seen in the stand-up.",
            factorIds, effect, on, TestRuns.Monday, "lead-1");

    /// <summary>Oldest-first roll-ups the way storage lists them for <see cref="Domain.Summary.TeamSummaries.Build"/>: newest first.</summary>
    public static IReadOnlyList<PulseRollup> NewestFirst(params PulseRollup[] oldestFirst) => [.. oldestFirst.Reverse()];
}
