using TrustBot.Delivery;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Teams;

namespace TrustBot.Definition;

/// <summary>
/// Does <see cref="JobKind.OpenVote"/>, the intent a lead's <c>open vote</c> wrote: reads the live
/// roster (kept as the team's stored roster too), opens the vote on the proposals made so far and
/// queues a ballot per member. Every step is repeatable, so a repeat after a crash at any point
/// ends with every ballot sent once and one vote open.
/// </summary>
public sealed partial class OpenVoteJob(
    ITeamStore teams,
    ITrustVoteStore votes,
    ITeamsMessenger messenger,
    ITeamRosterStore rosters,
    RosterFanOut fanOut,
    IJobStore jobs,
    TimeProvider clock,
    ILogger<OpenVoteJob> logger) : IJobHandler
{
    /// <inheritdoc />
    public JobKind Kind => JobKind.OpenVote;

    /// <inheritdoc />
    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (await teams.GetTeamAsync(job.TeamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var roster = await messenger.GetRosterAsync(team, cancellationToken).ConfigureAwait(false);
        var vote = await OpenAsync(job, team, roster, cancellationToken).ConfigureAwait(false);
        if (vote is null)
        {
            return;
        }

        // Memberships are written so that a member's 1:1 commands find the team as soon as the ballot arrives.
        await rosters.ReplaceAsync(team.Id, roster, cancellationToken).ConfigureAwait(false);
        await teams.EnsureAllAsync(team.Id, roster, cancellationToken).ConfigureAwait(false);
        await fanOut.QueueAsync(team, [.. roster.Select(m => m.MemberId)], DeliveryKind.TrustBallot, vote.Id, cancellationToken).ConfigureAwait(false);
    }

    // The vote this job opened: the open one (a crashed attempt opened it, noted or not, since the
    // turn refuses while a vote is open; or another lead's a moment ago: queueing its ballots again
    // sends each once), or a new one.
    private async Task<TrustVote?> OpenAsync(ScheduledJob job, Team team, IReadOnlyList<RosterMember> roster, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = await votes.GetVoteAsync(team.Id, cancellationToken).ConfigureAwait(false);
        if (current is not null && current.IsOpenAt(now))
        {
            return await NotedAsync(job, current, cancellationToken).ConfigureAwait(false);
        }

        var proposals = await votes.GetProposalsAsync(team.Id, cancellationToken).ConfigureAwait(false);
        if (proposals.Count < DefinitionRules.MinProposalsForVote || roster.Count == 0)
        {
            return null;
        }

        var vote = TrustVote.Open(team.Id, [.. proposals.Select(p => p.Id)], now, Guid.NewGuid());
        if (!await votes.TryOpenVoteAsync(vote, [.. roster.Select(m => m.MemberId)], now, cancellationToken).ConfigureAwait(false))
        {
            // Another lead's vote won a moment ago: its ballots are queued by its own job.
            return null;
        }

        Log.VoteOpened(logger, vote.Id, team.Id);
        return await NotedAsync(job, vote, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TrustVote> NotedAsync(ScheduledJob job, TrustVote vote, CancellationToken cancellationToken)
    {
        if (job.Progress != vote.Id)
        {
            await jobs.SaveProgressAsync(job with { Progress = vote.Id }, cancellationToken).ConfigureAwait(false);
        }

        return vote;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Vote {VoteId} was opened for team {TeamId}")]
        public static partial void VoteOpened(ILogger logger, string voteId, string teamId);
    }
}
