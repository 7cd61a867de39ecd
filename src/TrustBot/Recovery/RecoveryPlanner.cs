using TrustBot.Domain.Recovery;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Recovery;

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
            var subject = RecoveryNudges.Subject(incident.Id, step);
            var due = RecoveryPlan.DueAt(acceptedAt, step);
            await jobs.AddAsync(new ScheduledJob(JobIds.For(JobKind.RecoveryNudge, incident.TeamId, subject, due), JobKind.RecoveryNudge, incident.TeamId, due, subject), cancellationToken).ConfigureAwait(false);
        }
    }
}
