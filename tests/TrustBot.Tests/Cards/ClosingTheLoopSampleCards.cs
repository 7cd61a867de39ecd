using TrustBot.Actions;
using TrustBot.Cards;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;
using TrustBot.Domain.Teams;
using TrustBot.PulseResults;

namespace TrustBot.Tests.Cards;

/// <summary>The action reminders, the leads' digest and the results cards with realistic data, for the card contract test.</summary>
public static class ClosingTheLoopSampleCards
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var team = new Team("19:contoso@thread.tacv2", "tenant", "Contoso", TeamKind.Team, "19:contoso@thread.tacv2", "https://smba.example/", now);
        var today = new DateOnly(2026, 11, 25);
        ActionItem Item(string title, string owner, int dueInDays, DateTimeOffset? completedAt = null) => new(
            team.Id, ActionItemIds.New(now.AddMinutes(dueInDays + 10), Guid.Empty), title, "aad-" + owner, owner, today.AddDays(dueInDays), "reliability",
            "aad-lead", now.AddDays(-7), completedAt, TimeZoneId: "Europe/Berlin");
        var item = Item("Share the release checklist before Thursday's planning", "Megan Bowen", 1);

        yield return ("action-reminder-due-tomorrow", ActionReminderCard.Build(team, item, ActionReminderKind.DueTomorrow, today));
        yield return ("action-reminder-overdue", ActionReminderCard.Build(team, item with { DueOn = today.AddDays(-1) }, ActionReminderKind.Overdue, today));
        yield return ("action-reminder-completed", ActionReminderCard.Updated(team, item with { CompletedAt = now }, new ActionListNotice("\"Share the release checklist\" is completed. Well done!", false), today));
        yield return ("action-reminder-refused", ActionReminderCard.Updated(team, item, new ActionListNotice("The due date is in the past; please pick today or a later day.", true), today));
        yield return ("action-digest", ActionDigestCard.Build(team,
        [
            Item("Tell support about every release date change the same day", "Megan Bowen", -9),
            Item("Add support to the release channel", "Adele Vance", -2),
            Item("Write down who announces a slip, and where", "Isaiah Langer", 4),
        ], today));

        var results = RunResults.Of([Rollup(team.Id, "20261123T090000Z-00000000000000000000000000000002", 4, 6, now, 4.1), Rollup(team.Id, "20261116T090000Z-00000000000000000000000000000001", 5, 6, now.AddDays(-7), 3.8)],
            "20261123T090000Z-00000000000000000000000000000002")!;
        var belowK = RunResults.Of([Rollup(team.Id, "20261123T090000Z-00000000000000000000000000000002", 2, 6, now, 4.1)], "20261123T090000Z-00000000000000000000000000000002")!;
        const string line = "We'll open Monday's stand-up with risks and concerns for the next month.";
        yield return ("results-member", MemberResultsCard.Build(team.Name, results, line));
        yield return ("results-member-without-line", MemberResultsCard.Build(team.Name, results, null));
        yield return ("results-member-below-k", MemberResultsCard.Build(team.Name, belowK, null));
        yield return ("results-lead", LeadResultsCard.Build(team, results, now.AddHours(24)));
        yield return ("results-lead-line-too-long", LeadResultsCard.Build(team, results, now.AddHours(24), new string('x', 281), ["The line is 281 characters long; please keep it to 280 or fewer."]));
        yield return ("results-lead-sent", LeadResultsCard.Sent(team, results, new ResultsRelease(team.Id, results.RunId, line, now), 6));
    }

    private static PulseRollup Rollup(string teamId, string runId, int responded, int invited, DateTimeOffset closedAt, double reliability)
    {
        ScoreStats Stats(double mean) => new(responded, mean, [0, 0, 1, responded - 2, 1]);
        var factors = new Dictionary<string, ScoreStats>
        {
            ["reliability"] = Stats(reliability),
            ["openness"] = Stats(2.9),
            ["care"] = Stats(4.3),
        };
        return new PulseRollup(teamId, runId, closedAt.AddDays(-3), closedAt, invited, responded, 3, factors, factors, Stats(3.9),
            new Dictionary<string, int> { ["care"] = 2 }, new Dictionary<string, int> { ["openness"] = 3 });
    }
}
