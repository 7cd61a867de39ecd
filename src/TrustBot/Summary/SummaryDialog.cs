using System.Text.Json.Nodes;
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
    public void DeclareRoutes(DialogRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Command(BotCommands.Summary, SummaryAsync)
            .Command(BotCommands.Factors, FactorsAsync)
            .Verb(SummaryCard.PostVerb, PostAsync);
    }

    private async Task SummaryAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await LedTeamAsync(turn, cancellationToken).ConfigureAwait(false) is { } team)
        {
            var privately = Privately(turn);
            var report = await ReportAsync(team, privately, withComments: true, cancellationToken).ConfigureAwait(false);
            await turn.ReplyAsync(SummaryCard.Build(team.Id, team.Name, report, forLead: privately), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FactorsAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await LedTeamAsync(turn, cancellationToken).ConfigureAwait(false) is { } team)
        {
            var report = await ReportAsync(team, Privately(turn), withComments: false, cancellationToken).ConfigureAwait(false);
            await turn.ReplyAsync(FactorsCard.Build(team.Name, report.Summary), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Team?> LedTeamAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var resolution = await directory.ResolveTeamAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false);
        if (resolution.Team is null)
        {
            await TeamDirectory.ReplyUnresolvedAsync(
                turn, resolution, "The trust summary is for the team's leads, who can post it to the channel for everyone.", cancellationToken).ConfigureAwait(false);
        }

        return resolution.Team;
    }

    // In the channel or a group chat everyone reads along: only the team's version is shown there.
    private static bool Privately(BotTurn turn) => turn.Scope == ConversationScope.Personal;

    private Task<SummaryReport> ReportAsync(Team team, bool privately, bool withComments, CancellationToken cancellationToken) =>
        privately
            ? summaries.BuildForLeadsAsync(team, withComments, cancellationToken)
            : summaries.BuildForTeamAsync(team, cancellationToken);

    private async Task<AdaptiveCard> PostAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        var teamId = CardSubmit.TeamIdOf(data);
        var team = teamId is null ? null : await directory.FindLedTeamAsync(turn.MemberId, teamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return NoticeCard.Build("Nothing was posted", "Only a lead of the team can post its summary, and this card is for a team you don't lead.", isProblem: true);
        }

        var forLeads = summaries.BuildForLeadsAsync(team, withComments: true, cancellationToken);
        var forTeam = summaries.BuildForTeamAsync(team, cancellationToken);
        await Task.WhenAll(forLeads, forTeam).ConfigureAwait(false);
        var teamCard = SummaryCard.Build(team.Id, team.Name, await forTeam.ConfigureAwait(false), forLead: false);
        await messenger.PostToTeamAsync(team, teamCard, cancellationToken).ConfigureAwait(false);
        return SummaryCard.Build(team.Id, team.Name, await forLeads.ConfigureAwait(false), forLead: true, note: $"Posted to the team's channel on {CardText.LocalDateTime(clock.GetUtcNow())}.");
    }
}
