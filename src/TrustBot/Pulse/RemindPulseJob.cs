using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;

namespace TrustBot.Pulse;

/// <summary>
/// Reminds a run's members once before it closes. Every invited member's reminder is queued; the
/// composer drops it for those who answered, so who answered is never written down.
/// </summary>
public sealed class RemindPulseJob(IPulseStore runs, ITeamStore teams, PulseFanOut fanOut, TimeProvider clock) : IJobHandler
{
    /// <inheritdoc />
    public JobKind Kind => JobKind.RemindPulse;

    /// <inheritdoc />
    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var run = await runs.GetRunAsync(job.TeamId, job.Subject, cancellationToken).ConfigureAwait(false);
        if (run is null || !run.AcceptsAnswersAt(clock.GetUtcNow())
            || await teams.GetTeamAsync(job.TeamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        await fanOut.QueueAsync(team, run, DeliveryKind.PulseReminder, cancellationToken).ConfigureAwait(false);
    }
}
