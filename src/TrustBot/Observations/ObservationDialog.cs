using System.Text.Json.Nodes;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Teams;
using TrustBot.Teams;

namespace TrustBot.Observations;

/// <summary>
/// Stage 1's other diagnostic tools: a lead logs interview and GoSee observations and reads the
/// team's recent ones. Both happen only in the lead's 1:1 chat, since observations are about
/// people and only the team's leads may read them.
/// </summary>
public sealed partial class ObservationDialog(
    TeamDirectory directory,
    IObservationStore observations,
    TimeProvider clock,
    ILogger<ObservationDialog> logger) : IDialog
{
    /// <summary>How many observations the list shows.</summary>
    public const int ListedCount = 10;

    /// <inheritdoc />
    public void DeclareRoutes(DialogRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Command(BotCommands.LogObservation, LogAsync)
            .Command(BotCommands.Observations, ListAsync)
            .Verb(ObservationCard.SaveVerb, SaveAsync);
    }

    private async Task LogAsync(BotTurn turn, string argument, CancellationToken cancellationToken)
    {
        if (await LedTeamInPrivateAsync(turn, BotCommands.LogObservation, cancellationToken).ConfigureAwait(false) is { } team)
        {
            await turn.ReplyAsync(ObservationCard.Build(team, ObservationForm.Blank(LocalCalendar.TodayOf(clock, turn), argument)), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ListAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await LedTeamInPrivateAsync(turn, BotCommands.Observations, cancellationToken).ConfigureAwait(false) is { } team)
        {
            var recent = await observations.GetRecentAsync(team.Id, ListedCount, cancellationToken).ConfigureAwait(false);
            await turn.ReplyAsync(ObservationListCard.Build(team, recent), cancellationToken).ConfigureAwait(false);
        }
    }

    // Both commands work only in the lead's 1:1 chat, for a team they lead; otherwise the sender is told why.
    private async Task<Team?> LedTeamInPrivateAsync(BotTurn turn, BotCommand command, CancellationToken cancellationToken)
    {
        if (turn.Scope != ConversationScope.Personal)
        {
            await turn.ReplyAsync(PrivateOnly(command), cancellationToken).ConfigureAwait(false);
            return null;
        }

        return await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> SaveAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        if (turn.Scope != ConversationScope.Personal)
        {
            return NotSaved(PrivateOnly(BotCommands.LogObservation));
        }

        var card = ObservationCardData.Read(data);
        if (card is null)
        {
            return NotSaved("This card doesn't name a team I know. Type log observation to get a fresh card.");
        }

        var memberId = turn.MemberId;
        var team = await directory.FindLedTeamAsync(memberId, card.TeamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            Log.SaveRefused(logger, card.TeamId);
            return NotSaved("Only a lead of the team can log observations for it, and this card is for a team you don't lead.");
        }

        if (card.Form is null)
        {
            return ObservationCard.Build(team, ObservationForm.Blank(LocalCalendar.TodayOf(clock, turn), string.Empty),
                "Some of the answers could not be read. Please fill in the card again.");
        }

        var check = card.Form.Check(LocalCalendar.TodayOf(clock, turn));
        if (check.Entry is null)
        {
            return ObservationCard.Build(team, card.Form, string.Join(' ', check.Problems));
        }

        var observation = check.Entry.ToObservation(team.Id, memberId, clock.GetUtcNow(), Guid.NewGuid());
        await observations.SaveAsync(observation, cancellationToken).ConfigureAwait(false);
        Log.Saved(logger, observation.Id, team.Id);
        return ObservationSavedCard.Build(observation);
    }

    private static string PrivateOnly(BotCommand command) =>
        $"Observations are private: open your 1:1 chat with me and type {command.Text} there.";

    private static AdaptiveCard NotSaved(string why) =>
        NoticeCard.Build("Nothing was saved", why, isProblem: true);

    // The card names the team; the stored role decides, so an edited team id finds nothing here.
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Observation {ObservationId} was logged for team {TeamId}")]
        public static partial void Saved(ILogger logger, string observationId, string teamId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "An observation for team {TeamId} was refused: the sender does not lead it")]
        public static partial void SaveRefused(ILogger logger, string teamId);
    }
}
