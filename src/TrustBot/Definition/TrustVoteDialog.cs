using System.Text.Json.Nodes;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Teams;

namespace TrustBot.Definition;

/// <summary>
/// Stage 2, the first half: anyone in the team proposes how to finish "On our team, trust means …",
/// and a lead opens a vote, sending every member a ballot in their 1:1 chat.
/// </summary>
public sealed partial class TrustVoteDialog(
    TeamDirectory directory,
    ITeamStore teams,
    ITrustVoteStore votes,
    IJobStore jobs,
    JobPlanner planner,
    TimeProvider clock,
    ILogger<TrustVoteDialog> logger) : IDialog
{
    /// <inheritdoc />
    public void DeclareRoutes(DialogRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Command(BotCommands.DefineTrust, DefineAsync)
            .Command(BotCommands.OpenVote, OpenVoteAsync)
            .Verb(ProposalCard.ProposeVerb, ProposeAsync)
            .Verb(BallotCard.VoteVerb, VoteAsync);
    }

    private async Task DefineAsync(BotTurn turn, string argument, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Member, cancellationToken).ConfigureAwait(false) is { } team)
        {
            await turn.ReplyAsync(ProposalCard.Build(team, argument.Length > 0 ? argument : null), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OpenVoteAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (await votes.GetVoteAsync(team.Id, cancellationToken).ConfigureAwait(false) is { } open && open.IsOpenAt(now))
        {
            await turn.ReplyAsync(AlreadyOpen(open), cancellationToken).ConfigureAwait(false);
            return;
        }

        var proposals = await votes.GetProposalsAsync(team.Id, cancellationToken).ConfigureAwait(false);
        if (proposals.Count < DefinitionRules.MinProposalsForVote)
        {
            await turn.ReplyAsync(
                $"A vote needs at least {DefinitionRules.MinProposalsForVote} proposals, and your team has {proposals.Count} so far. " +
                $"Ask the team to type {BotCommands.DefineTrust.Text} to propose how they would finish \"{DefinitionView.Sentence}\".",
                cancellationToken).ConfigureAwait(false);
            return;
        }

        // The whole intent is one job, due now; the woken planner reads the roster, opens the vote and
        // queues the ballots (OpenVoteJob), so the turn answers in bounded time whatever the team's size.
        await jobs.AddAsync(ScheduledJob.Plan(JobKind.OpenVote, team.Id, Guid.NewGuid().ToString("N"), now), cancellationToken).ConfigureAwait(false);
        planner.Wake();
        await turn.ReplyAsync(NoticeCard.Build(
            "Vote opening",
            $"I'm sending a ballot with the {proposals.Count} proposals to the team's members in their 1:1 chat with me; it reaches them within a minute. " +
            $"It stays open until {CardText.LocalDateTime(now + DefinitionRules.VoteWindow)}; type {BotCommands.FinalizeCharter.Text} to close it and write the charter."),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> ProposeAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        if (DefinitionCardData.ReadProposal(data) is not { } proposal)
        {
            return Unusable($"nothing was proposed. Type {BotCommands.DefineTrust.Text} to get a fresh card.");
        }

        var memberId = turn.MemberId;
        if (await FindMemberTeamAsync(turn, memberId, proposal.TeamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return Refused("Nothing was proposed", "This card is for a team I don't know you belong to.");
        }

        var problems = DefinitionRules.ProposalProblems(proposal.Text);
        if (problems.Count > 0)
        {
            return ProposalCard.Build(team, proposal.Text, proposal.Named, problems);
        }

        var author = proposal.Named ? new ProposalAuthor(memberId, turn.Sender.Name ?? "A team member") : null;
        var stored = TrustProposal.New(team.Id, proposal.Text!, author, clock.GetUtcNow(), Guid.NewGuid());
        await votes.AddProposalAsync(stored, cancellationToken).ConfigureAwait(false);
        Log.Proposed(logger, stored.Id, team.Id);
        return NoticeCard.Build(
            "Thanks, your proposal is in",
            $"\"{stored.Text}\" ({(author is null ? "anonymous" : $"proposed by {author.Name}")}). " +
            "It will be on the ballot when a lead opens the next vote.");
    }

    private async Task<AdaptiveCard> VoteAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        if (DefinitionCardData.ReadBallot(data) is not { } ballot)
        {
            return Unusable("no vote was recorded.");
        }

        var vote = await votes.GetVoteAsync(ballot.TeamId, cancellationToken).ConfigureAwait(false);
        var invited = vote?.Id == ballot.VoteId
            ? await votes.GetBallotAsync(ballot.TeamId, ballot.VoteId, turn.MemberId, cancellationToken).ConfigureAwait(false)
            : null;
        if (vote is null || invited is null)
        {
            return Refused("No vote was recorded", "This ballot isn't one I sent you, or a newer vote has replaced it.");
        }

        var now = clock.GetUtcNow();
        if (!vote.IsOpenAt(now))
        {
            return Refused("This vote has closed", $"It closed at {CardText.LocalDateTime(vote.ClosedAt ?? vote.ClosesAt)}, so your vote wasn't changed. Type {BotCommands.Charter.Text} to see the charter.");
        }

        var proposals = await BallotProposalsAsync(vote, cancellationToken).ConfigureAwait(false);
        var problems = DefinitionRules.BallotProblems(vote, ballot.Picks);
        if (problems.Count > 0)
        {
            return BallotCard.Build(vote, proposals, teamName: null, invited.Picks, problems: problems);
        }

        await votes.SaveBallotAsync(invited with { Picks = ballot.Picks, CastAt = now }, cancellationToken).ConfigureAwait(false);
        return BallotCard.Build(vote, proposals, teamName: null, ballot.Picks,
            notice: $"Your vote is saved. You can change it until {CardText.LocalDateTime(vote.ClosesAt)}.");
    }

    private async Task<IReadOnlyList<TrustProposal>> BallotProposalsAsync(TrustVote vote, CancellationToken cancellationToken) =>
        [.. (await votes.GetProposalsAsync(vote.TeamId, cancellationToken).ConfigureAwait(false)).Where(p => vote.ProposalIds.Contains(p.Id, StringComparer.Ordinal))];

    // The team of the conversation the card was clicked in, which Teams authenticated; in a 1:1 chat,
    // a team the sender is stored as belonging to. An edited team id finds neither.
    private async Task<Team?> FindMemberTeamAsync(BotTurn turn, string memberId, string teamId, CancellationToken cancellationToken)
    {
        var belongs = turn.Team is { } here
            ? here.Id == teamId
            : memberId.Length > 0 && await teams.GetMembershipAsync(memberId, teamId, cancellationToken).ConfigureAwait(false) is not null;
        return belongs ? await teams.GetTeamAsync(teamId, cancellationToken).ConfigureAwait(false) : null;
    }

    private static string AlreadyOpen(TrustVote vote) =>
        $"A vote is already open until {CardText.LocalDateTime(vote.ClosesAt)}. Type {BotCommands.FinalizeCharter.Text} to close it and write the charter.";

    private static AdaptiveCard Refused(string title, string why) => NoticeCard.Build(title, why, isProblem: true);

    private static AdaptiveCard Unusable(string outcome) => Refused("This card can't be used", $"Its data isn't what I sent, so {outcome}");

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Proposal {ProposalId} was added for team {TeamId}")]
        public static partial void Proposed(ILogger logger, string proposalId, string teamId);
    }
}
