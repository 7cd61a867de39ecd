using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Teams;
using TrustBot.Teams;

namespace TrustBot.Summary;

/// <summary>
/// The lead's view (stage 3 and the summary): <c>summary</c> and <c>factors</c>. In the 1:1 chat
/// the lead sees the leads' version (observations weighed in, leads-only incidents, anonymous
/// comments) and can post the team's version to the channel; in the channel or group chat everyone
/// sees the team's version, which shows only what every member may see.
/// </summary>
public sealed class SummaryDialog(SummaryService summaries, TeamDirectory directory, ITeamsMessenger messenger, TimeProvider clock) : IDialog
{
    /// <inheritdoc />
    public IReadOnlyList<BotCommand> Commands => [BotCommands.Summary, BotCommands.Factors];

    /// <inheritdoc />
    public IReadOnlyList<string> Verbs => [SummaryCard.PostVerb];

    /// <inheritdoc />
    public async Task OnCommandAsync(ITurnContext<IMessageActivity> turn, BotCommand command, string argument, CancellationToken cancellationToken)
    {
        var resolution = await directory.ResolveTeamAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false);
        if (resolution.Team is not { } team)
        {
            await TeamDirectory.ReplyUnresolvedAsync(
                turn, resolution, "The trust summary is for the team's leads, who can post it to the channel for everyone.", cancellationToken).ConfigureAwait(false);
            return;
        }

        // In the channel or a group chat everyone reads along: only the team's version is shown there.
        var privately = ConversationScopes.ScopeOf(turn.Activity) == ConversationScope.Personal;
        var report = privately
            ? await summaries.BuildForLeadsAsync(team, withComments: command == BotCommands.Summary, cancellationToken).ConfigureAwait(false)
            : await summaries.BuildForTeamAsync(team, cancellationToken).ConfigureAwait(false);
        var card = command == BotCommands.Factors
            ? FactorsCard.Build(team.Name, report.Summary)
            : SummaryCard.Build(team.Id, team.Name, report, forLead: privately);
        await turn.SendActivityAsync(MessageFactory.Attachment(card.ToAttachment()), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AdaptiveCardInvokeResponse> OnVerbAsync(ITurnContext<IInvokeActivity> turn, AdaptiveCardInvokeValue invoke, CancellationToken cancellationToken)
    {
        var teamId = invoke.Action?.Data is Newtonsoft.Json.Linq.JObject data ? CardSubmit.TeamIdOf(data) : null;
        var team = teamId is null ? null : await directory.FindLedTeamAsync(ActivityIdentity.MemberIdOf(turn.Activity), teamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return NoticeCard.Build("Nothing was posted", "Only a lead of the team can post its summary, and this card is for a team you don't lead.", isProblem: true).ToInvokeResponse();
        }

        var forLeads = summaries.BuildForLeadsAsync(team, withComments: true, cancellationToken);
        var forTeam = summaries.BuildForTeamAsync(team, cancellationToken);
        await Task.WhenAll(forLeads, forTeam).ConfigureAwait(false);
        var teamCard = SummaryCard.Build(team.Id, team.Name, await forTeam.ConfigureAwait(false), forLead: false);
        await messenger.ContinueInTeamAsync(
            team,
            (teamTurn, ct) => teamTurn.SendActivityAsync(MessageFactory.Attachment(teamCard.ToAttachment()), ct),
            cancellationToken).ConfigureAwait(false);
        return SummaryCard.Build(team.Id, team.Name, await forLeads.ConfigureAwait(false), forLead: true, note: $"Posted to the team's channel on {CardText.LocalDateTime(clock.GetUtcNow())}.")
            .ToInvokeResponse();
    }
}
