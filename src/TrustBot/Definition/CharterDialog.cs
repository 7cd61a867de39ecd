using System.Text.Json.Nodes;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Teams;
using TrustBot.Teams;

namespace TrustBot.Definition;

/// <summary>
/// Stage 2, the second half: a lead closes the vote and finalises the trust charter (a new version
/// each time); anyone reads the current charter and its history; a lead posts it to the channel.
/// </summary>
public sealed partial class CharterDialog(
    TeamDirectory directory,
    ITrustVoteStore votes,
    ITrustCharterStore charters,
    ITeamsMessenger messenger,
    TimeProvider clock,
    ILogger<CharterDialog> logger) : IDialog
{
    /// <inheritdoc />
    public void DeclareRoutes(DialogRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Command(BotCommands.FinalizeCharter, FinalizeAsync)
            .Command(BotCommands.Charter, CurrentAsync)
            .Command(BotCommands.CharterHistory, HistoryAsync)
            .Verb(FinalizeCard.SaveVerb, SaveAsync)
            .Verb(CharterCard.PostVerb, PostAsync);
    }

    private async Task FinalizeAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is { } team)
        {
            await turn.ReplyAsync(await FinalizeCardAsync(team, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CurrentAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Member, cancellationToken).ConfigureAwait(false) is { } team)
        {
            await turn.ReplyAsync(await CurrentCardAsync(team, turn.MemberId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HistoryAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Member, cancellationToken).ConfigureAwait(false) is { } team)
        {
            var all = await charters.GetAllAsync(team.Id, cancellationToken).ConfigureAwait(false);
            await turn.ReplyAsync(CharterHistoryCard.Build(all, team.Name), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AdaptiveCard> SaveAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        if (DefinitionCardData.ReadCharterDraft(data) is not { } draft)
        {
            return UnusableCard;
        }

        return await LedTeamAsync(turn, draft.TeamId, cancellationToken).ConfigureAwait(false) is { } team
            ? await SaveAsync(team, draft, turn.Sender.Name ?? "a lead", cancellationToken).ConfigureAwait(false)
            : NotALead;
    }

    private async Task<AdaptiveCard> PostAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        if (DefinitionCardData.ReadTeam(data) is not { } teamId)
        {
            return UnusableCard;
        }

        return await LedTeamAsync(turn, teamId, cancellationToken).ConfigureAwait(false) is { } team
            ? await PostAsync(team, cancellationToken).ConfigureAwait(false)
            : NotALead;
    }

    // The card names the team; the stored role decides.
    private Task<Team?> LedTeamAsync(BotTurn turn, string teamId, CancellationToken cancellationToken) =>
        directory.FindLedTeamAsync(turn.MemberId, teamId, cancellationToken);

    private static AdaptiveCard UnusableCard => Refused("This card can't be used", "Its data isn't what I sent, so nothing was changed.");

    private static AdaptiveCard NotALead => Refused("Only a lead can do that", "You don't lead the team this card belongs to, so nothing was changed.");

    private async Task<AdaptiveCard> FinalizeCardAsync(Team team, CancellationToken cancellationToken)
    {
        var proposals = await votes.GetProposalsAsync(team.Id, cancellationToken).ConfigureAwait(false);
        if (proposals.Count == 0)
        {
            return NoticeCard.Build("No proposals yet", $"Ask the team to type {BotCommands.DefineTrust.Text} first, then {BotCommands.OpenVote.Text} to vote on them.");
        }

        if (await votes.GetVoteAsync(team.Id, cancellationToken).ConfigureAwait(false) is { } vote && vote.ClosedAt is null)
        {
            await votes.CloseVoteAsync(team.Id, vote.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return FinalizeCard.Build(team, proposals, await TallyAsync(team.Id, cancellationToken).ConfigureAwait(false));
    }

    private async Task<AdaptiveCard> CurrentCardAsync(Team team, string memberId, CancellationToken cancellationToken)
    {
        if (await charters.GetCurrentAsync(team.Id, cancellationToken).ConfigureAwait(false) is not { } charter)
        {
            return NoticeCard.Build("No trust charter yet", $"Propose statements with {BotCommands.DefineTrust.Text}; a lead opens a vote and then writes the charter with {BotCommands.FinalizeCharter.Text}.");
        }

        var canPost = await directory.LeadsAsync(memberId, team.Id, cancellationToken).ConfigureAwait(false);
        return CharterCard.Build(charter, team.Name, canPost);
    }

    private async Task<AdaptiveCard> SaveAsync(Team team, CharterDraftData draft, string leadName, CancellationToken cancellationToken)
    {
        var proposals = await votes.GetProposalsAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var picked = draft.Picks.Select(id => proposals.FirstOrDefault(p => p.Id == id)).ToList();
        if (picked.Any(p => p is null))
        {
            return Refused("Nothing was saved", $"One of the picked proposals isn't your team's. Type {BotCommands.FinalizeCharter.Text} to get a fresh card.");
        }

        var typed = DefinitionRules.Statements(draft.Statements);
        var statements = typed.Count > 0 ? typed : [.. picked.Select(p => p!.Text)];
        var problems = DefinitionRules.CharterProblems(statements);
        if (problems.Count > 0)
        {
            var votesByProposal = await TallyAsync(team.Id, cancellationToken).ConfigureAwait(false);
            return FinalizeCard.Build(team, proposals, votesByProposal, draft.Picks, draft.Statements, problems);
        }

        var version = ((await charters.GetCurrentAsync(team.Id, cancellationToken).ConfigureAwait(false))?.Version ?? 0) + 1;
        var charter = new TrustCharter(team.Id, version, statements, clock.GetUtcNow(), leadName);
        if (!await charters.TryAddAsync(charter, cancellationToken).ConfigureAwait(false))
        {
            return Refused("Nothing was saved", $"Another lead saved version {version} of the charter a moment ago. Type {BotCommands.Charter.Text} to read it.");
        }

        Log.Finalized(logger, version, team.Id);
        return CharterCard.Build(charter, team.Name, canPost: true, notice: $"Version {version} of the charter is saved.");
    }

    private async Task<AdaptiveCard> PostAsync(Team team, CancellationToken cancellationToken)
    {
        if (await charters.GetCurrentAsync(team.Id, cancellationToken).ConfigureAwait(false) is not { } charter)
        {
            return Refused("Nothing was posted", "Your team has no trust charter yet.");
        }

        await messenger.PostToTeamAsync(team, CharterCard.Build(charter, team.Name, canPost: false), cancellationToken).ConfigureAwait(false);
        return CharterCard.Build(charter, team.Name, canPost: true, notice: "Posted to the team's channel.");
    }

    // The counts of the team's latest vote, open or closed; none before the first vote.
    private async Task<IReadOnlyDictionary<string, int>> TallyAsync(string teamId, CancellationToken cancellationToken) =>
        await votes.GetVoteAsync(teamId, cancellationToken).ConfigureAwait(false) is { } vote
            ? VoteTally.Count(vote, await votes.GetBallotsAsync(teamId, vote.Id, cancellationToken).ConfigureAwait(false))
            : new Dictionary<string, int>();

    private static AdaptiveCard Refused(string title, string why) => NoticeCard.Build(title, why, isProblem: true);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Version {Version} of the trust charter was saved for team {TeamId}")]
        public static partial void Finalized(ILogger logger, int version, string teamId);
    }
}
