using Microsoft.Extensions.Options;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Storage;

namespace TrustBot.Teams.Retention;

/// <summary>
/// Does <see cref="JobKind.PurgeTeam"/>: when a removed team's retention window is over, deletes
/// everything kept about it (<see cref="DataDeletion.DeleteTeamAsync"/>) and any role still stored
/// for it. It re-reads the team first, so a reinstall needs no cancelling: the job finds the team
/// installed and does nothing. Repeatable: deletion is idempotent.
/// </summary>
public sealed partial class PurgeTeamJob(
    ITeamStore teams,
    IJobStore jobs,
    DataDeletion deletion,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<PurgeTeamJob> logger) : IJobHandler
{
    /// <inheritdoc />
    public JobKind Kind => JobKind.PurgeTeam;

    /// <summary>The purge of a team removed at <paramref name="uninstalledAt"/>, due when its retention ends.</summary>
    public static ScheduledJob Plan(string teamId, DateTimeOffset uninstalledAt, TimeSpan retention) =>
        ScheduledJob.Plan(JobKind.PurgeTeam, teamId, JobIds.DuePrefix(uninstalledAt), uninstalledAt + retention);

    /// <inheritdoc />
    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (await teams.GetUninstalledAtAsync(job.TeamId, cancellationToken).ConfigureAwait(false) is not { } uninstalledAt)
        {
            // Installed again (its data is in use), or purged already.
            Log.Kept(logger, job.TeamId);
            return;
        }

        var retention = options.Value.AfterUninstall;
        if (uninstalledAt + retention > clock.GetUtcNow())
        {
            // The retention was lengthened since this job was planned: purge when the new window ends.
            await jobs.AddAsync(Plan(job.TeamId, uninstalledAt, retention), cancellationToken).ConfigureAwait(false);
            return;
        }

        await teams.EndMembershipsAsync(job.TeamId, cancellationToken).ConfigureAwait(false);
        var deleted = await deletion.DeleteTeamAsync(job.TeamId, cancellationToken).ConfigureAwait(false);
        Log.Purged(logger, job.TeamId, deleted);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "The data of team {TeamId} was purged after its retention window: {EntityCount} entities")]
        public static partial void Purged(ILogger logger, string teamId, int entityCount);

        [LoggerMessage(Level = LogLevel.Information, Message = "The data of team {TeamId} was not purged: TrustBot is installed there again, or it is gone already")]
        public static partial void Kept(ILogger logger, string teamId);
    }
}
