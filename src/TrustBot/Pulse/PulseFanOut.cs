using TrustBot.Delivery;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;

namespace TrustBot.Pulse;

/// <summary>
/// Sends a run's cards to its invited members through the delivery queue and plans the run's
/// reminder and close. Everything here is repeatable: queueing twice delivers once (the delivery
/// ledger), planning twice stores one job (deterministic ids).
/// </summary>
public sealed class PulseFanOut(IPulseStore pulses, RosterFanOut fanOut, IJobStore jobs)
{
    /// <summary>Queues the run's cards and plans its reminder (when <paramref name="remind"/>) and close.</summary>
    public async Task<FanOutResult> StartAsync(Team team, PulseRun run, bool remind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(run);
        var result = await QueueAsync(team, run, DeliveryKind.PulseInvite, cancellationToken).ConfigureAwait(false);
        await PlanRunJobsAsync(run, remind, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Plans the run's reminder (when <paramref name="remind"/>) and its close.</summary>
    public async Task PlanRunJobsAsync(PulseRun run, bool remind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (remind)
        {
            await jobs.AddAsync(JobFor(JobKind.RemindPulse, run, run.RemindAt()), cancellationToken).ConfigureAwait(false);
        }

        await jobs.AddAsync(JobFor(JobKind.ClosePulse, run, run.ClosesAt), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues one <paramref name="kind"/> delivery per member invited to the run.</summary>
    public async Task<FanOutResult> QueueAsync(Team team, PulseRun run, DeliveryKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(run);
        var invited = await pulses.GetInvitedAsync(run.TeamId, run.RunId, cancellationToken).ConfigureAwait(false);
        return await fanOut.QueueAsync(team, [.. invited], kind, run.RunId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues the channel's note that the run has closed.</summary>
    public Task QueueClosedNoteAsync(PulseRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return fanOut.QueueToChannelAsync(run.TeamId, DeliveryKind.PulseClosed, run.RunId, cancellationToken);
    }

    private static ScheduledJob JobFor(JobKind kind, PulseRun run, DateTimeOffset dueAt) =>
        ScheduledJob.Plan(kind, run.TeamId, run.RunId, dueAt);
}
