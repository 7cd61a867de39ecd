using TrustBot.Domain.Actions;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Summary;
using TrustBot.Domain.Teams;
using TrustBot.Teams;

namespace TrustBot.Summary;

/// <summary>
/// Builds a team's trust summary from roll-ups, never from raw answers: the same few reads
/// whatever the number of answers and however long the history (one of them the team's incidents),
/// and none while the team's summary stamp is the one a kept summary was built under (<see cref="SummaryViewCache"/>).
/// </summary>
public sealed class SummaryService(
    IPulseStore pulses,
    IObservationStore observations,
    IActionItemStore actions,
    ITrustCharterStore charters,
    IIncidentStore incidents,
    TeamChanges teamChanges,
    SummaryViewCache views,
    TimeProvider clock)
{
    /// <summary>How many recent roll-ups a summary reads: enough for the trend and its changes.</summary>
    public const int RecentRuns = 12;

    // Leads' notes of the last few months are enough evidence for the factor insights.
    private const int ObservationsRead = 50;

    /// <summary>
    /// The leads' summary: the numbers with the leads' observations weighed into the factor insights,
    /// every active incident (leads-only ones included) and, when asked for and they may be shown,
    /// the comments of its latest view. Only for a lead reading it privately.
    /// </summary>
    /// <param name="team">The team, as read for this turn: its summary stamp says whether a kept summary still holds.</param>
    /// <param name="withComments">Whether to include the latest view's comments.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<SummaryReport> BuildForLeadsAsync(Team team, bool withComments, CancellationToken cancellationToken) =>
        KeptOrBuiltAsync(team, forLeads: true, withComments, cancellationToken);

    /// <summary>
    /// The team's summary, for the channel and group chat: only what every member may see. The
    /// leads' observations are not read (their counts would show in the insights), leads-only
    /// incidents are left out and there are no comments.
    /// </summary>
    /// <param name="team">The team, as read for this turn: its summary stamp says whether a kept summary still holds.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<SummaryReport> BuildForTeamAsync(Team team, CancellationToken cancellationToken) =>
        KeptOrBuiltAsync(team, forLeads: false, withComments: false, cancellationToken);

    // The summary kept under the team's current stamp, when it was built today (UTC) and recently;
    // otherwise built now and kept. A team whose stamp is not known yet is built every time.
    private async Task<SummaryReport> KeptOrBuiltAsync(Team team, bool forLeads, bool withComments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (team.SummaryStamp is not { } stamp)
        {
            return await BuildAsync(team.Id, forLeads, withComments, cancellationToken).ConfigureAwait(false);
        }

        var key = new SummaryViewKey(team.Id, stamp, forLeads, withComments);
        var kept = await views.GetOrLoadAsync(key, BuildNowAsync, cancellationToken).ConfigureAwait(false);
        if (kept is not null && !IsFresh(kept))
        {
            views.Remove(key);
            kept = await views.GetOrLoadAsync(key, BuildNowAsync, cancellationToken).ConfigureAwait(false);
        }

        return kept!.Report;

        async Task<KeptSummary?> BuildNowAsync(CancellationToken token) =>
            new(await BuildAsync(team.Id, forLeads, withComments, token).ConfigureAwait(false), clock.GetUtcNow());
    }

    private bool IsFresh(KeptSummary kept)
    {
        var now = clock.GetUtcNow();
        return now >= kept.BuiltAt && now - kept.BuiltAt < SummaryViewCache.Freshness && now.UtcDateTime.Date == kept.BuiltAt.UtcDateTime.Date;
    }

    private async Task<SummaryReport> BuildAsync(string teamId, bool forLeads, bool withComments, CancellationToken cancellationToken)
    {
        var recent = pulses.GetRecentRollupsAsync(teamId, RecentRuns, cancellationToken);
        var notes = forLeads ? observations.GetRecentAsync(teamId, ObservationsRead, cancellationToken) : Task.FromResult<IReadOnlyList<Observation>>([]);
        var items = actions.GetAllAsync(teamId, cancellationToken);
        var charter = charters.GetCurrentAsync(teamId, cancellationToken);
        var teamIncidents = incidents.GetAllAsync(teamId, cancellationToken);
        var changes = teamChanges.AssessAsync(teamId, cancellationToken);
        await Task.WhenAll(recent, notes, items, charter, teamIncidents, changes).ConfigureAwait(false);

        var allItems = await items.ConfigureAwait(false);
        var rollups = await recent.ConfigureAwait(false);
        var summary = TeamSummaries.Build(rollups, await notes.ConfigureAwait(false), actions: allItems);
        var comments = withComments && summary.Latest is { } latest && latest.Responded >= Anonymity.CommentThreshold(latest.AnonymityThreshold)
            ? await pulses.GetCommentsAsync(teamId, latest.RunIds[0], cancellationToken).ConfigureAwait(false)
            : [];
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var open = allItems.Count(item => !item.IsCompleted);
        var current = await charter.ConfigureAwait(false);
        return new SummaryReport(summary, comments, open, allItems.Count(item => item.IsOverdue(today)), current?.FirstStatement)
        {
            Views = SummaryViews.From([.. rollups.Reverse()]).Views,
            Charter = current,
            // The same roll-ups as the numbers above: a baseline older than them reads as "no baseline".
            Incidents = [.. IncidentRecoveries.Of(await teamIncidents.ConfigureAwait(false), [.. rollups.Reverse()], now).Where(incident => forLeads || incident.IsForWholeTeam)],
            TeamChanges = await changes.ConfigureAwait(false),
        };
    }
}

/// <summary>A team's summary and the anonymous comments the lead may read with it.</summary>
/// <param name="Summary">The numbers.</param>
/// <param name="Comments">Comments of the latest view, in random order; empty unless it met the comment threshold.</param>
/// <param name="OpenActions">Action items not done yet.</param>
/// <param name="OverdueActions">Of those, the ones past their due day (UTC).</param>
/// <param name="CharterFirstStatement">The current trust charter's first statement, when there is a charter.</param>
public sealed record SummaryReport(TeamSummary Summary, IReadOnlyList<string> Comments, int OpenActions = 0, int OverdueActions = 0, string? CharterFirstStatement = null)
{
    /// <summary>
    /// The team's active incidents with their plan's progress and recovery; leads-only ones only in
    /// the leads' summary (and the card leaves them out of every view but the lead's own as well).
    /// </summary>
    public IReadOnlyList<IncidentRecovery> Incidents { get; init; } = [];

    /// <summary>
    /// Every view of the roll-ups read (the closed runs that met their k), oldest first, as
    /// <see cref="SummaryViews.From"/> makes them: the history the dashboard charts.
    /// </summary>
    public IReadOnlyList<SummaryView> Views { get; init; } = [];

    /// <summary>The current trust charter in full, or null when there is none (or it was not read).</summary>
    public TrustCharter? Charter { get; init; }

    /// <summary>Who joined and left and whether the leads changed in the last 30 days; null when not read.</summary>
    public TeamChangeAssessment? TeamChanges { get; init; }
}
