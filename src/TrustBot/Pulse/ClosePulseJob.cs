using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Scheduling;

namespace TrustBot.Pulse;

/// <summary>
/// Closes a run when its window ends, rolls it up, and tells the team's channel. A run a lead
/// closed by hand earlier is left alone (the lead was told then).
/// </summary>
public sealed class ClosePulseJob(IPulseStore runs, PulseService pulses, PulseFanOut fanOut, IJobStore jobs) : IJobHandler
{
    private const string Closed = "closed";

    /// <inheritdoc />
    public JobKind Kind => JobKind.ClosePulse;

    /// <inheritdoc />
    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var run = await runs.GetRunAsync(job.TeamId, job.Subject, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return;
        }

        if (job.Progress != Closed)
        {
            if (run.State != PulseRunState.Open)
            {
                return;
            }

            await pulses.CloseAsync(run, cancellationToken).ConfigureAwait(false);
            // So that a repeat after a crash still sends the note, and only this job's close sends one.
            await jobs.SaveProgressAsync(job with { Progress = Closed }, cancellationToken).ConfigureAwait(false);
        }

        await fanOut.QueueClosedNoteAsync(run, cancellationToken).ConfigureAwait(false);
    }
}
