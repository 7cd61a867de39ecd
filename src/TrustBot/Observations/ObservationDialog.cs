using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
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
    public IReadOnlyList<BotCommand> Commands => [BotCommands.LogObservation, BotCommands.Observations];

    /// <inheritdoc />
    public IReadOnlyList<string> Verbs => [ObservationCard.SaveVerb];

    /// <inheritdoc />
    public async Task OnCommandAsync(ITurnContext<IMessageActivity> turn, BotCommand command, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(command);
        if (ConversationScopes.ScopeOf(turn.Activity) != ConversationScope.Personal)
        {
            await turn.SendActivityAsync(PrivateOnly(command), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var card = command == BotCommands.LogObservation
            ? ObservationCard.Build(team, ObservationForm.Blank(LocalCalendar.TodayOf(clock, turn.Activity), argument))
            : ObservationListCard.Build(team, await observations.GetRecentAsync(team.Id, ListedCount, cancellationToken).ConfigureAwait(false));
        await turn.SendActivityAsync(MessageFactory.Attachment(card.ToAttachment()), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AdaptiveCardInvokeResponse> OnVerbAsync(ITurnContext<IInvokeActivity> turn, AdaptiveCardInvokeValue invoke, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(invoke);
        if (ConversationScopes.ScopeOf(turn.Activity) != ConversationScope.Personal)
        {
            return NotSaved(PrivateOnly(BotCommands.LogObservation));
        }

        var card = ObservationCardData.Read(invoke.Action?.Data);
        if (card is null)
        {
            return NotSaved("This card doesn't name a team I know. Type log observation to get a fresh card.");
        }

        var memberId = ActivityIdentity.MemberIdOf(turn.Activity);
        var team = await directory.FindLedTeamAsync(memberId, card.TeamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            Log.SaveRefused(logger, card.TeamId);
            return NotSaved("Only a lead of the team can log observations for it, and this card is for a team you don't lead.");
        }

        if (card.Form is null)
        {
            return ObservationCard.Build(team, ObservationForm.Blank(LocalCalendar.TodayOf(clock, turn.Activity), string.Empty),
                "Some of the answers could not be read. Please fill in the card again.").ToInvokeResponse();
        }

        var check = card.Form.Check(LocalCalendar.TodayOf(clock, turn.Activity));
        if (check.Entry is null)
        {
            return ObservationCard.Build(team, card.Form, string.Join(' ', check.Problems)).ToInvokeResponse();
        }

        var observation = check.Entry.ToObservation(team.Id, memberId, clock.GetUtcNow(), Guid.NewGuid());
        await observations.SaveAsync(observation, cancellationToken).ConfigureAwait(false);
        Log.Saved(logger, observation.Id, team.Id);
        return ObservationSavedCard.Build(observation).ToInvokeResponse();
    }

    private static string PrivateOnly(BotCommand command) =>
        $"Observations are private: open your 1:1 chat with me and type {command.Text} there.";

    private static AdaptiveCardInvokeResponse NotSaved(string why) =>
        NoticeCard.Build("Nothing was saved", why, isProblem: true).ToInvokeResponse();

    // The card names the team; the stored role decides, so an edited team id finds nothing here.
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Observation {ObservationId} was logged for team {TeamId}")]
        public static partial void Saved(ILogger logger, string observationId, string teamId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "An observation for team {TeamId} was refused: the sender does not lead it")]
        public static partial void SaveRefused(ILogger logger, string teamId);
    }
}
