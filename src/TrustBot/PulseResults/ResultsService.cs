using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;
using TrustBot.Domain.Teams;
using TrustBot.Pulse;
using TrustBot.Summary;

namespace TrustBot.PulseResults;

/// <summary>
/// Sends a closed run's results to the members invited to it, once: the first send (a lead's, with
/// their line, or the job's when the wait is over) is recorded as the run's release, and every
/// member's card is written from it when it is delivered.
/// </summary>
public sealed class ResultsService(IPulseStore pulses, IResultsReleaseStore releases, PulseFanOut fanOut, TimeProvider clock)
{
    /// <summary>The run's results, from the same roll-ups and k rules as the summary; null when the team has no such closed run.</summary>
    public async Task<RunResults?> ResultsOfAsync(string teamId, string runId, CancellationToken cancellationToken) =>
        RunResults.Of(await pulses.GetRecentRollupsAsync(teamId, SummaryService.RecentRuns, cancellationToken).ConfigureAwait(false), runId);

    /// <summary>The run's release, or null while its results have not gone.</summary>
    public Task<ResultsRelease?> ReleaseOfAsync(string teamId, string runId, CancellationToken cancellationToken) =>
        releases.GetAsync(teamId, runId, cancellationToken);

    /// <summary>
    /// Records the release with <paramref name="line"/> unless the results went already, and queues
    /// the members' cards. The cards are queued again even when they went already (a send that
    /// stopped half-way carries on); the delivery ledger sends each member one.
    /// </summary>
    public async Task<ResultsSend> SendAsync(Team team, string runId, string? line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var (release, added) = await releases.TryAddAsync(new ResultsRelease(team.Id, runId, line, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        var run = await pulses.GetRunAsync(team.Id, runId, cancellationToken).ConfigureAwait(false);
        var queued = run is null ? 0 : (await fanOut.QueueAsync(team, run, Domain.Scheduling.DeliveryKind.PulseResults, cancellationToken).ConfigureAwait(false)).Queued;
        return new ResultsSend(release, added, queued);
    }
}

/// <summary>What a send did.</summary>
/// <param name="Release">The run's release: this one, or the one that went first.</param>
/// <param name="Added">Whether this send is the release.</param>
/// <param name="Queued">Members' cards queued.</param>
public sealed record ResultsSend(ResultsRelease Release, bool Added, int Queued);
