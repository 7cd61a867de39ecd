using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;

namespace TrustBot.PulseResults;

/// <summary>
/// Sends a closed run's results to its members when no lead has by the end of the wait (or at once,
/// below k, to say too few answered). When a lead sent them already, the members have them: queueing
/// again sends nobody a second card.
/// </summary>
public sealed class PulseResultsJob(ITeamStore teams, ResultsService results) : IJobHandler
{
    /// <inheritdoc />
    public JobKind Kind => JobKind.PulseResults;

    /// <inheritdoc />
    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (await teams.GetTeamAsync(job.TeamId, cancellationToken).ConfigureAwait(false) is not { } team
            || await results.ResultsOfAsync(team.Id, job.Subject, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        await results.SendAsync(team, job.Subject, line: null, cancellationToken).ConfigureAwait(false);
    }
}
