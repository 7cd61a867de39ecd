using TrustBot.Domain.Recovery;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Recovery.Nudges;

/// <summary>
/// Turns an accepted incident's plan into jobs, one per step at its offset. The jobs check the
/// incident when they are due, so closing the plan needs no clean-up: its remaining steps do nothing.
/// </summary>
public sealed class RecoveryPlanner(IJobStore jobs)
{
    /// <summary>Adds a job for each step of the incident's plan (repeatable: ids are deterministic).</summary>
    public async Task PlanAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.AcceptedAt is not { } acceptedAt)
        {
            throw new ArgumentException("Only an accepted incident has a recovery plan.", nameof(incident));
        }

        foreach (var step in incident.Plan)
        {
            await PlanStepAsync(incident, step, RecoveryPlan.DueAt(acceptedAt, step), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds the job for one step of the incident's plan, due at <paramref name="dueAt"/> (a step can come again: "keep going").</summary>
    public Task PlanStepAsync(Incident incident, RecoveryStep step, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return jobs.AddAsync(ScheduledJob.Plan(JobKind.RecoveryNudge, incident.TeamId, RecoveryNudges.Subject(incident.Id, step), dueAt), cancellationToken);
    }
}
