using Microsoft.Extensions.Options;
using TrustBot.Bot;
using TrustBot.Domain.Teams;
using TrustBot.Summary;
using TrustBot.Teams;

namespace TrustBot.Dashboard;

/// <summary>
/// What the dashboard may show a person: only the teams they belong to (their stored roles, which
/// the roster sync and the leads' changes keep current), and for each the same summary the cards
/// show (<see cref="SummaryService"/>, so the same k rules): the team's view for a member, the
/// leads' view (comments included, when they may be shown) for a current lead.
/// </summary>
public sealed class DashboardService(ITeamStore teams, TeamDirectory directory, SummaryService summaries, IOptions<BotAccessOptions> access)
{
    /// <summary>
    /// The installed teams the person belongs to, in a served tenant and (with a real sign-in) in
    /// their own tenant, by name: one partition read, then a point read per team.
    /// </summary>
    public async Task<IReadOnlyList<Team>> TeamsOfAsync(DashboardUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var found = new List<Team>();
        foreach (var membership in await teams.GetMembershipsAsync(user.MemberId, cancellationToken).ConfigureAwait(false))
        {
            if (await teams.GetTeamAsync(membership.TeamId, cancellationToken).ConfigureAwait(false) is { } team
                && access.Value.Serves(team.TenantId)
                && (user.TenantId is null || string.Equals(user.TenantId, team.TenantId, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(team);
            }
        }

        return [.. found.OrderBy(team => team.Name ?? team.Id, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>One of the person's teams as the dashboard shows it to them (see <see cref="TeamsOfAsync"/> for which).</summary>
    public async Task<TeamDashboard> BuildAsync(Team team, DashboardUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(user);
        var leads = await directory.LeadsAsync(user.MemberId, team.Id, cancellationToken).ConfigureAwait(false);
        var report = leads
            ? await summaries.BuildForLeadsAsync(team, withComments: true, cancellationToken).ConfigureAwait(false)
            : await summaries.BuildForTeamAsync(team, cancellationToken).ConfigureAwait(false);
        return new TeamDashboard(team, leads, report);
    }
}

/// <summary>One team's dashboard for one person.</summary>
/// <param name="Team">The team.</param>
/// <param name="ForLead">Whether the person leads it now: only then are comments, leads-only incidents and the export shown.</param>
/// <param name="Report">The summary behind every number, from <see cref="SummaryService"/>.</param>
public sealed record TeamDashboard(Team Team, bool ForLead, SummaryReport Report);
