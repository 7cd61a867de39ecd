using TrustBot.Bot;

namespace TrustBot.Summary;

/// <summary>
/// Summaries as last built, per team, stamp and audience, so that a summary asked for again before
/// anything changed costs no reads beyond the lead's membership and the team's row (which carries
/// the stamp; see <see cref="Domain.Teams.Team.SummaryStamp"/>). It holds what the summary card shows
/// (aggregates of closed runs, the leads' comments of the latest one in random order), never an
/// answer, and a team's entry serves only that team.
/// </summary>
public sealed class SummaryViewCache() : BoundedCache<SummaryViewKey, KeptSummary>(DefaultCapacity, Freshness)
{
    /// <summary>Summaries kept at once; each is a few kilobytes.</summary>
    public const int DefaultCapacity = 2_000;

    /// <summary>
    /// How long a kept summary is used at most: what changes with time alone, with no write (a
    /// recovery step falling due, a team change leaving its 30-day window), shows at most this late.
    /// Counts by day (overdue actions) change at midnight UTC exactly: a summary built on another day is never used.
    /// </summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);
}

/// <summary>What a kept summary is found by.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Stamp">The team's summary stamp it was built under.</param>
/// <param name="ForLeads">The leads' version (observations, leads-only incidents) or the team's.</param>
/// <param name="WithComments">Whether it carries the latest view's comments.</param>
public sealed record SummaryViewKey(string TeamId, string Stamp, bool ForLeads, bool WithComments);

/// <summary>A summary and when it was built.</summary>
/// <param name="Report">The summary.</param>
/// <param name="BuiltAt">When it was built.</param>
public sealed record KeptSummary(SummaryReport Report, DateTimeOffset BuiltAt);
