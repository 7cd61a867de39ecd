using Microsoft.Extensions.Options;
using TrustBot.Delivery;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Teams;

namespace TrustBot.PulseResults;

/// <summary>
/// What a pulse's close sets going: when it met its k, each lead gets the results to add a "what we
/// will do" line and send them, and a job sends them without a line once the wait is over; below k,
/// the job tells the members at once that too few answered. Repeatable: the job's id and the leads'
/// deliveries are keyed by the run.
/// </summary>
public sealed class PulseResultsPlanner(IJobStore jobs, ITeamStore teams, TeamDirectory directory, RosterFanOut fanOut, IOptions<ResultsOptions> options)
{
    /// <summary>When the results of a run closed at <paramref name="closedAt"/> go without a lead's line.</summary>
    public DateTimeOffset SendsWithoutLineAt(DateTimeOffset closedAt) => closedAt + options.Value.LeadLineWait;

    /// <summary>Plans the results of the run that just closed.</summary>
    public async Task PlanAsync(PulseRollup rollup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        if (!rollup.MeetsThreshold)
        {
            await jobs.AddAsync(ScheduledJob.Plan(JobKind.PulseResults, rollup.TeamId, rollup.RunId, rollup.ClosedAt), cancellationToken).ConfigureAwait(false);
            return;
        }

        await jobs.AddAsync(ScheduledJob.Plan(JobKind.PulseResults, rollup.TeamId, rollup.RunId, SendsWithoutLineAt(rollup.ClosedAt)), cancellationToken).ConfigureAwait(false);
        if (await teams.GetTeamAsync(rollup.TeamId, cancellationToken).ConfigureAwait(false) is { } team)
        {
            var leads = await directory.LeadIdsAsync(team.Id, cancellationToken).ConfigureAwait(false);
            await fanOut.QueueAsync(team, leads, DeliveryKind.ResultsForLeads, rollup.RunId, cancellationToken).ConfigureAwait(false);
        }
    }
}
