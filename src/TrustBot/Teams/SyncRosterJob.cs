using TrustBot.Delivery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;

namespace TrustBot.Teams;

/// <summary>
/// Does <see cref="JobKind.SyncRoster"/>: reads the team's whole roster from Teams (every page)
/// and makes the stored roster exactly that, noting who joined and left meanwhile as
/// <see cref="TeamChanges"/> (not on the install's read). Repeatable: a second run stores the same roster and finds no change.
/// </summary>
public sealed partial class SyncRosterJob(ITeamStore teams, ITeamsMessenger messenger, ITeamRosterStore rosters, TeamChanges changes, ILogger<SyncRosterJob> logger) : IJobHandler
{
    /// <inheritdoc />
    public JobKind Kind => JobKind.SyncRoster;

    /// <inheritdoc />
    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (await teams.GetTeamAsync(job.TeamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            // Removed before the job ran: its data is gone, and Teams would refuse the roster anyway.
            Log.TeamGone(logger, job.TeamId);
            return;
        }

        var roster = await messenger.GetRosterAsync(team, cancellationToken).ConfigureAwait(false);
        var before = await rosters.GetAsync(team.Id, cancellationToken).ConfigureAwait(false);
        await rosters.ReplaceAsync(team.Id, roster, cancellationToken).ConfigureAwait(false);

        // People who came and went while the bot missed the updates count as team changes too.
        await changes.NoteRosterReadAsync(team.Id, before, roster, job.Subject == TeamInstallations.InstallSyncSubject, cancellationToken).ConfigureAwait(false);
        Log.Synced(logger, team.Id, roster.Count);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "The roster of team {TeamId} was synced: {MemberCount} members")]
        public static partial void Synced(ILogger logger, string teamId, int memberCount);

        [LoggerMessage(Level = LogLevel.Information, Message = "The roster of team {TeamId} was not synced: TrustBot is no longer installed there")]
        public static partial void TeamGone(ILogger logger, string teamId);
    }
}
