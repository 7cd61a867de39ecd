using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Scheduling;

namespace TrustBot.Pulse;

/// <summary>
/// Closes a run when its window ends, rolls it up, and tells the team's channel. A run a lead
/// closed by hand earlier gets no note (the lead was told then), but whatever that close left
/// undone (it may have died half-way) is finished.
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
                await pulses.CloseAsync(run, cancellationToken).ConfigureAwait(false);
                return;
            }

            await pulses.CloseAsync(run, cancellationToken).ConfigureAwait(false);
            // So that a repeat after a crash still sends the note, and only this job's close sends one.
            await jobs.SaveProgressAsync(job with { Progress = Closed }, cancellationToken).ConfigureAwait(false);
        }

        await fanOut.QueueClosedNoteAsync(run, cancellationToken).ConfigureAwait(false);
    }
}
