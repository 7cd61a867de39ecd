using Microsoft.Extensions.Options;
using TrustBot.Bot;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Storage;
using TrustBot.Teams.Retention;

namespace TrustBot.Teams;

/// <summary>
/// What happens when TrustBot is added to or removed from a team, group chat or 1:1 chat. Roles
/// never outlive an installation: removing the bot ends everyone's role in the team, and whoever
/// installs it (again) is its only lead. The team's data outlives a removal for
/// <see cref="RetentionOptions.AfterUninstall"/>, so a reinstall within it finds its history.
/// </summary>
public sealed class TeamInstallations(
    ITeamStore teams,
    ITeamRosterStore rosters,
    ITeamScheduleStore schedules,
    PulseScheduler scheduler,
    IJobStore jobs,
    DataDeletion deletion,
    IOptions<RetentionOptions> retention,
    TimeProvider clock)
{
    /// <summary>The subject of the roster sync an installation schedules.</summary>
    public const string InstallSyncSubject = "install";

    /// <summary>
    /// Records that the bot was installed: a team or group chat (whoever installed it becomes its
    /// lead, and a job is scheduled to read its roster), or a person's 1:1 chat (so the bot can
    /// reach them later; any team that had them marked unreachable gets the mark cleared).
    /// </summary>
    /// <remarks>
    /// A team the bot was not installed in (new, or removed and kept for the retention window)
    /// starts with no roles at all before the installer is made lead, so old leads never come back.
    /// Its kept data is in use again, and its pulse schedule, whose openings found the team gone
    /// and stopped, plans its next opening.
    /// </remarks>
    public async Task InstallAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var now = clock.GetUtcNow();
        if (turn.Team is { } here)
        {
            var team = here with { InstalledAt = now };
            var returning = await teams.GetTeamAsync(team.Id, cancellationToken).ConfigureAwait(false) is null;
            if (returning)
            {
                await teams.EndMembershipsAsync(team.Id, cancellationToken).ConfigureAwait(false);
            }

            await teams.SaveTeamAsync(team, cancellationToken).ConfigureAwait(false);
            var installer = turn.MemberId;
            if (installer.Length > 0)
            {
                await teams.SaveMembershipAsync(new Membership(installer, team.Id, TeamRole.Lead, turn.Sender.Name), cancellationToken).ConfigureAwait(false);
            }

            // A team may have thousands of members, read 500 a call: too slow for the install
            // turn, which Teams wants answered within seconds, so a job reads them right after.
            await jobs.AddAsync(ScheduledJob.Plan(JobKind.SyncRoster, team.Id, InstallSyncSubject, now), cancellationToken).ConfigureAwait(false);
            if (returning && await schedules.GetAsync(team.Id, cancellationToken).ConfigureAwait(false) is { } schedule)
            {
                await scheduler.PlanNextRunAsync(schedule, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (turn.PersonalChat is { } chat)
        {
            await teams.SavePersonalChatAsync(chat, cancellationToken).ConfigureAwait(false);

            // Installing the bot again after blocking or removing it makes the person reachable.
            foreach (var membership in await teams.GetMembershipsAsync(chat.MemberId, cancellationToken).ConfigureAwait(false))
            {
                await rosters.ClearUnreachableAsync(membership.TeamId, chat.MemberId, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Records that the bot was removed from a team or group chat: everyone's role there ends, the
    /// team counts as not installed (commands, jobs and the incident webhook find nothing), and its
    /// data is kept for the retention window, after which <see cref="PurgeTeamJob"/> deletes it.
    /// People's own 1:1 chats and roles elsewhere stay.
    /// </summary>
    public async Task UninstallAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var now = clock.GetUtcNow();
        if (turn.Team is not { } team)
        {
            return;
        }

        // Planned before the mark, so a crash in between can leave the purge planned (it re-checks
        // and does nothing for an installed team) but never a retained team without its purge.
        await jobs.AddAsync(PurgeTeamJob.Plan(team.Id, now, retention.Value.AfterUninstall), cancellationToken).ConfigureAwait(false);
        // A repeated removal keeps the first one's mark, whose purge is planned already (the one
        // planned here finds the earlier mark and purges, or nothing, when it is due).
        if (await teams.MarkUninstalledAsync(team.Id, now, cancellationToken).ConfigureAwait(false) is null)
        {
            // Never recorded (the install turn failed): nothing worth keeping, so whatever exists goes now.
            await deletion.DeleteTeamAsync(team.Id, cancellationToken).ConfigureAwait(false);
        }

        await teams.EndMembershipsAsync(team.Id, cancellationToken).ConfigureAwait(false);
    }
}
