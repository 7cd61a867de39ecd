using TrustBot.Delivery;
using TrustBot.Domain.Scheduling;
using TrustBot.Scheduling;

namespace TrustBot.Teams;

/// <summary>
/// Does <see cref="JobKind.SuggestCheckIn"/>: queues the check-in suggestion to each of the team's
/// current leads (<see cref="TeamCheckInComposer"/> writes it when it is sent). Repeatable: the
/// deliveries are one batch per suggestion, so queueing twice sends once.
/// </summary>
public sealed partial class SuggestCheckInJob(TeamDirectory directory, Domain.Teams.ITeamStore teams, RosterFanOut fanOut, ILogger<SuggestCheckInJob> logger) : IJobHandler
{
    /// <inheritdoc />
    public JobKind Kind => JobKind.SuggestCheckIn;

    /// <inheritdoc />
    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (await teams.GetTeamAsync(job.TeamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var leads = await directory.LeadIdsAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var queued = await fanOut.QueueAsync(team, leads, DeliveryKind.TeamCheckIn, job.Subject, cancellationToken).ConfigureAwait(false);
        Log.Suggested(logger, team.Id, queued.Queued);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId} changed enough for a check-in: suggested to {LeadCount} leads")]
        public static partial void Suggested(ILogger logger, string teamId, int leadCount);
    }
}
