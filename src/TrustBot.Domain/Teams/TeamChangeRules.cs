namespace TrustBot.Domain.Teams;

/// <summary>
/// When changes in a team are a trust risk worth a check-in: a lead changed, or at least
/// <see cref="RosterSharePercent"/> % of the roster joined or left within <see cref="Window"/>.
/// </summary>
public static class TeamChangeRules
{
    /// <summary>How far back changes count: 30 days.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>How long the store keeps changes: two windows, so a summary can still say what happened.</summary>
    public static readonly TimeSpan KeptFor = Window * 2;

    /// <summary>The share of the roster whose change makes a risk, in percent: 30.</summary>
    public const int RosterSharePercent = 30;

    /// <summary>
    /// What changed in the <see cref="Window"/> up to <paramref name="now"/>. Each person counts
    /// once however many times they joined or left. The share is of the roster as it was when the
    /// window began: the roster now, without the people who joined since and with those who left.
    /// </summary>
    /// <param name="changes">The team's recorded changes, in any order; older ones are ignored.</param>
    /// <param name="rosterNow">How many members the stored roster has now.</param>
    /// <param name="now">The moment to judge at.</param>
    public static TeamChangeAssessment Assess(IEnumerable<TeamChange> changes, int rosterNow, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentOutOfRangeException.ThrowIfNegative(rosterNow);
        var recent = changes.Where(c => c.At > now - Window && c.At <= now).OrderBy(c => c.At).ToList();
        var people = recent
            .Where(c => c.Kind != TeamChangeKind.LeadChanged && !string.IsNullOrEmpty(c.PersonId))
            .GroupBy(c => c.PersonId!, StringComparer.Ordinal)
            .Select(g => (First: g.First().Kind, Last: g.Last().Kind))
            .ToList();
        var joined = people.Count(p => p.Last == TeamChangeKind.Joined);
        var left = people.Count(p => p.Last == TeamChangeKind.Left);

        // In the roster at the window's start: everyone now who did not join since, and everyone whose first change was leaving.
        var atStart = Math.Max(1, rosterNow - joined + people.Count(p => p.First == TeamChangeKind.Left));
        var leadChanges = recent.Where(c => c.Kind == TeamChangeKind.LeadChanged).ToList();
        return new TeamChangeAssessment(joined, left, people.Count, atStart, leadChanges.Count, leadChanges.LastOrDefault()?.At);
    }

    /// <summary>
    /// Whether to offer the leads a check-in now: the changes are a risk, and none was offered in
    /// the last <see cref="Window"/> (one check-in covers the change of its window).
    /// </summary>
    /// <param name="assessment">What changed, from <see cref="Assess"/>.</param>
    /// <param name="lastSuggestedAt">When a check-in was last offered, or null.</param>
    /// <param name="now">The moment to judge at.</param>
    public static bool ShouldSuggestCheckIn(TeamChangeAssessment assessment, DateTimeOffset? lastSuggestedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.IsRisk && (lastSuggestedAt is not { } last || now - last >= Window);
    }
}

/// <summary>What changed in a team over the last <see cref="TeamChangeRules.Window"/>.</summary>
/// <param name="Joined">People who joined (and are still in).</param>
/// <param name="Left">People who left (and are still out).</param>
/// <param name="Changed">People who joined or left, each counted once (someone who came and went counts too).</param>
/// <param name="RosterAtStart">The roster when the window began (at least 1).</param>
/// <param name="LeadChanges">Times a lead was added or removed.</param>
/// <param name="LastLeadChangeAt">When the leads last changed, or null.</param>
public sealed record TeamChangeAssessment(int Joined, int Left, int Changed, int RosterAtStart, int LeadChanges, DateTimeOffset? LastLeadChangeAt)
{
    /// <summary>Changed ÷ roster at start, from 0 up (above 1 when more came and went than there were).</summary>
    public double Share => (double)Changed / RosterAtStart;

    /// <summary>Whether the roster changed by at least <see cref="TeamChangeRules.RosterSharePercent"/> % (counted in whole numbers, so 3 of 10 is exactly 30 %).</summary>
    public bool IsRosterTurnover => Changed > 0 && Changed * 100 >= RosterAtStart * TeamChangeRules.RosterSharePercent;

    /// <summary>Whether the changes are a trust risk: a lead changed, or the roster turned over.</summary>
    public bool IsRisk => LeadChanges > 0 || IsRosterTurnover;

    /// <summary>Whether anything changed at all.</summary>
    public bool HasChanges => LeadChanges > 0 || Changed > 0;
}
