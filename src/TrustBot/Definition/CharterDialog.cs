using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
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
    public IReadOnlyList<BotCommand> Commands => [BotCommands.FinalizeCharter, BotCommands.Charter, BotCommands.CharterHistory];

    /// <inheritdoc />
    public IReadOnlyList<string> Verbs => [FinalizeCard.SaveVerb, CharterCard.PostVerb];

    /// <inheritdoc />
    public async Task OnCommandAsync(ITurnContext<IMessageActivity> turn, BotCommand command, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var mustLead = command == BotCommands.FinalizeCharter;
        if (await directory.TeamForCommandAsync(turn, mustLead ? TeamRole.Lead : TeamRole.Member, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var reply = mustLead ? await FinalizeAsync(team, cancellationToken).ConfigureAwait(false)
            : command == BotCommands.Charter ? await CurrentAsync(team, ActivityIdentity.MemberIdOf(turn.Activity), cancellationToken).ConfigureAwait(false)
            : CharterHistoryCard.Build(await charters.GetAllAsync(team.Id, cancellationToken).ConfigureAwait(false), team.Name).ToAttachment();
        await turn.SendActivityAsync(MessageFactory.Attachment(reply), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AdaptiveCardInvokeResponse> OnVerbAsync(ITurnContext<IInvokeActivity> turn, AdaptiveCardInvokeValue invoke, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(invoke);
        var isSave = invoke.Action.Verb == FinalizeCard.SaveVerb;
        var draft = isSave ? DefinitionCardData.ReadCharterDraft(invoke.Action.Data) : null;
        var teamId = isSave ? draft?.TeamId : DefinitionCardData.ReadTeam(invoke.Action.Data);
        if (teamId is null)
        {
            return Refused("This card can't be used", "Its data isn't what I sent, so nothing was changed.");
        }

        var memberId = ActivityIdentity.MemberIdOf(turn.Activity);
        if (await directory.FindLedTeamAsync(memberId, teamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return Refused("Only a lead can do that", "You don't lead the team this card belongs to, so nothing was changed.");
        }

        return draft is not null
            ? await SaveAsync(team, draft, turn.Activity.From?.Name ?? "a lead", cancellationToken).ConfigureAwait(false)
            : await PostAsync(team, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Attachment> FinalizeAsync(Team team, CancellationToken cancellationToken)
    {
        var proposals = await votes.GetProposalsAsync(team.Id, cancellationToken).ConfigureAwait(false);
        if (proposals.Count == 0)
        {
            return NoticeCard.Build("No proposals yet", $"Ask the team to type {BotCommands.DefineTrust.Text} first, then {BotCommands.OpenVote.Text} to vote on them.").ToAttachment();
        }

        if (await votes.GetVoteAsync(team.Id, cancellationToken).ConfigureAwait(false) is { } vote && vote.ClosedAt is null)
        {
            await votes.CloseVoteAsync(team.Id, vote.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return FinalizeCard.Build(team, proposals, await TallyAsync(team.Id, cancellationToken).ConfigureAwait(false)).ToAttachment();
    }

    private async Task<Attachment> CurrentAsync(Team team, string memberId, CancellationToken cancellationToken)
    {
        if (await charters.GetCurrentAsync(team.Id, cancellationToken).ConfigureAwait(false) is not { } charter)
        {
            return NoticeCard.Build("No trust charter yet", $"Propose statements with {BotCommands.DefineTrust.Text}; a lead opens a vote and then writes the charter with {BotCommands.FinalizeCharter.Text}.").ToAttachment();
        }

        var canPost = await directory.LeadsAsync(memberId, team.Id, cancellationToken).ConfigureAwait(false);
        return CharterCard.Build(charter, team.Name, canPost).ToAttachment();
    }

    private async Task<AdaptiveCardInvokeResponse> SaveAsync(Team team, CharterDraftData draft, string leadName, CancellationToken cancellationToken)
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
            return FinalizeCard.Build(team, proposals, votesByProposal, draft.Picks, draft.Statements, problems).ToInvokeResponse();
        }

        var version = ((await charters.GetCurrentAsync(team.Id, cancellationToken).ConfigureAwait(false))?.Version ?? 0) + 1;
        var charter = new TrustCharter(team.Id, version, statements, clock.GetUtcNow(), leadName);
        if (!await charters.TryAddAsync(charter, cancellationToken).ConfigureAwait(false))
        {
            return Refused("Nothing was saved", $"Another lead saved version {version} of the charter a moment ago. Type {BotCommands.Charter.Text} to read it.");
        }

        Log.Finalized(logger, version, team.Id);
        return CharterCard.Build(charter, team.Name, canPost: true, notice: $"Version {version} of the charter is saved.").ToInvokeResponse();
    }

    private async Task<AdaptiveCardInvokeResponse> PostAsync(Team team, CancellationToken cancellationToken)
    {
        if (await charters.GetCurrentAsync(team.Id, cancellationToken).ConfigureAwait(false) is not { } charter)
        {
            return Refused("Nothing was posted", "Your team has no trust charter yet.");
        }

        var posted = MessageFactory.Attachment(CharterCard.Build(charter, team.Name, canPost: false).ToAttachment());
        await messenger.ContinueInTeamAsync(team, (channel, token) => channel.SendActivityAsync(posted, token), cancellationToken).ConfigureAwait(false);
        return CharterCard.Build(charter, team.Name, canPost: true, notice: "Posted to the team's channel.").ToInvokeResponse();
    }

    // The counts of the team's latest vote, open or closed; none before the first vote.
    private async Task<IReadOnlyDictionary<string, int>> TallyAsync(string teamId, CancellationToken cancellationToken) =>
        await votes.GetVoteAsync(teamId, cancellationToken).ConfigureAwait(false) is { } vote
            ? VoteTally.Count(vote, await votes.GetBallotsAsync(teamId, vote.Id, cancellationToken).ConfigureAwait(false))
            : new Dictionary<string, int>();

    private static AdaptiveCardInvokeResponse Refused(string title, string why) => NoticeCard.Build(title, why, isProblem: true).ToInvokeResponse();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Version {Version} of the trust charter was saved for team {TeamId}")]
        public static partial void Finalized(ILogger logger, int version, string teamId);
    }
}
