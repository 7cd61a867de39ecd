using System.Globalization;
using TrustBot.Bot;
using TrustBot.Delivery;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;

namespace TrustBot.Teams;

/// <summary>
/// Changes in who makes up a team, as a trust risk (stage 5: "changes within the team"): records
/// who joined and left and when the leads changed, welcomes people who join with the team's trust
/// charter, and when a lead changed or at least 30 % of the roster changed within 30 days, plans
/// one check-in suggestion to the leads (see <see cref="TeamChangeRules"/>).
/// </summary>
/// <remarks>
/// Kept apart from <see cref="TeamDirectory"/>, which keeps the roster itself: this only reacts to
/// what it changed, after it did, so neither depends on the other.
/// </remarks>
public sealed class TeamChanges(
    ITeamChangeStore changes,
    ITeamStore teams,
    ITeamRosterStore rosters,
    ITrustCharterStore charters,
    RosterFanOut fanOut,
    IJobStore jobs,
    TimeProvider clock)
{
    /// <summary>The subject of every charter welcome, so that each member of a team gets it once.</summary>
    public const string WelcomeSubject = "welcome";

    /// <summary>
    /// Reacts to a conversation update after <see cref="TeamDirectory"/> has updated the roster:
    /// records who joined and left (a lead leaving is also a change of leads), sends the people who
    /// joined the charter (when the team has one), and plans a check-in suggestion when the change is
    /// a risk. Does nothing for a team the bot is not installed in.
    /// </summary>
    /// <param name="turn">The conversation update.</param>
    /// <param name="aLeadLeft">Whether a role the roster update ended was a lead's.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task NoteMembersChangedAsync(BotTurn turn, bool aLeadLeft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var now = clock.GetUtcNow();
        var joined = turn.MembersAdded;
        var left = turn.MembersRemoved;
        if ((joined.Count == 0 && left.Count == 0)
            || turn.Team is not { } here
            || await teams.GetTeamAsync(here.Id, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        await changes.RecordAsync(
            team.Id,
            [
                .. joined.Select(account => TeamChange.Joined(account.UserId, now)),
                .. left.Select(account => TeamChange.Left(account.UserId, now)),
                .. aLeadLeft ? [TeamChange.LeadChanged(now)] : Array.Empty<TeamChange>(),
            ],
            cancellationToken).ConfigureAwait(false);
        if (joined.Count > 0)
        {
            await WelcomeWithCharterAsync(team, [.. joined.Select(account => account.UserId)], cancellationToken).ConfigureAwait(false);
        }

        await SuggestCheckInIfDueAsync(team.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records what a full roster read found changed since the stored roster. The first read (the
    /// install's, or any onto an empty roster) is where the team starts, not a change.
    /// </summary>
    /// <param name="teamId">The team.</param>
    /// <param name="before">The stored roster before the read.</param>
    /// <param name="after">The roster Teams reported.</param>
    /// <param name="isInstall">Whether this is the read the installation scheduled.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task NoteRosterReadAsync(string teamId, IReadOnlyList<RosterEntry> before, IReadOnlyList<RosterMember> after, bool isInstall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (isInstall || before.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var was = before.Select(entry => entry.Member.UserId).ToHashSet(StringComparer.Ordinal);
        var isNow = after.Select(member => member.UserId).ToHashSet(StringComparer.Ordinal);
        List<TeamChange> found =
        [
            .. isNow.Where(userId => !was.Contains(userId)).Select(userId => TeamChange.Joined(userId, now)),
            .. was.Where(userId => !isNow.Contains(userId)).Select(userId => TeamChange.Left(userId, now)),
        ];
        if (found.Count > 0)
        {
            await changes.RecordAsync(teamId, found, cancellationToken).ConfigureAwait(false);
            await SuggestCheckInIfDueAsync(teamId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Records that a lead was added or removed (the bot's installer becoming the first lead is not
    /// a change), and plans a check-in suggestion unless one was made in the last 30 days.
    /// </summary>
    /// <param name="teamId">The team.</param>
    /// <param name="when">When the leads changed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task RecordLeadChangeAsync(string teamId, DateTimeOffset when, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        await changes.RecordAsync(teamId, [TeamChange.LeadChanged(when)], cancellationToken).ConfigureAwait(false);
        await SuggestCheckInIfDueAsync(teamId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What changed in the team over the last 30 days, judged against its stored roster.</summary>
    public async Task<TeamChangeAssessment> AssessAsync(string teamId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var log = changes.GetAsync(teamId, now - TeamChangeRules.Window, cancellationToken);
        var roster = rosters.GetAsync(teamId, cancellationToken);
        await Task.WhenAll(log, roster).ConfigureAwait(false);
        return TeamChangeRules.Assess((await log.ConfigureAwait(false)).Changes, (await roster.ConfigureAwait(false)).Count, now);
    }

    // The welcome goes through the delivery queue, one batch per team, so each member gets it once
    // however often Teams reports them joining; memberships are written so that the card's
    // "Propose a change" and the member's 1:1 commands find the team.
    private async Task WelcomeWithCharterAsync(Team team, IReadOnlyList<string> joinedUserIds, CancellationToken cancellationToken)
    {
        if (await charters.GetCurrentAsync(team.Id, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        var userIds = joinedUserIds.ToHashSet(StringComparer.Ordinal);
        var members = (await rosters.GetAsync(team.Id, cancellationToken).ConfigureAwait(false))
            .Select(entry => entry.Member)
            .Where(member => userIds.Contains(member.UserId))
            .ToList();
        await teams.EnsureAllAsync(team.Id, members, cancellationToken).ConfigureAwait(false);
        await fanOut.QueueAsync(team, [.. members.Select(member => member.MemberId)], DeliveryKind.CharterWelcome, WelcomeSubject, cancellationToken).ConfigureAwait(false);
    }

    // At most one suggestion per window, across instances: the mark is compare-and-set, and the
    // job that brings it to the leads has a deterministic id.
    private async Task SuggestCheckInIfDueAsync(string teamId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var log = await changes.GetAsync(teamId, now - TeamChangeRules.Window, cancellationToken).ConfigureAwait(false);
        var roster = await rosters.GetAsync(teamId, cancellationToken).ConfigureAwait(false);
        var assessment = TeamChangeRules.Assess(log.Changes, roster.Count, now);
        if (TeamChangeRules.ShouldSuggestCheckIn(assessment, log.LastSuggestedAt, now)
            && await changes.TryMarkSuggestedAsync(teamId, log.LastSuggestedAt, now, cancellationToken).ConfigureAwait(false))
        {
            var subject = now.UtcTicks.ToString(CultureInfo.InvariantCulture);
            await jobs.AddAsync(ScheduledJob.Plan(JobKind.SuggestCheckIn, teamId, subject, now), cancellationToken).ConfigureAwait(false);
        }
    }
}
