using System.Runtime.ExceptionServices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using TrustBot.Cards;

namespace TrustBot.Bot;

/// <summary>
/// The Bot Framework adapter with TrustBot's error handling: a failed turn is logged (without
/// message text, which may be an answer) and the user is told, in words, that it failed. A failed
/// proactive turn is not answered but thrown back to the code that started it.
/// </summary>
public sealed partial class TrustBotAdapter : CloudAdapter
{
    /// <summary>What the user sees when a turn fails.</summary>
    public const string SomethingWentWrong =
        "Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.";

    /// <summary>Creates the adapter.</summary>
    public TrustBotAdapter(BotFrameworkAuthentication authentication, ILogger<TrustBotAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = async (turn, exception) =>
        {
            if (turn.Activity.Type == ActivityTypes.Event
                && turn.Activity.Name is ActivityEventNames.ContinueConversation or ActivityEventNames.CreateConversation)
            {
                // A turn the bot started itself (a delivery) has nobody to apologise to: its caller
                // retries, marks the member unreachable, or records the failure.
                ExceptionDispatchInfo.Capture(exception).Throw();
            }

            Log.TurnFailed(logger, exception, turn.Activity.Type, turn.Activity.Name, turn.Activity.ChannelId);

            if (turn.Activity.Type == ActivityTypes.Invoke)
            {
                // A card button waits for an invoke response; answer with a card rather than
                // leaving Teams to show a generic failure.
                var card = NoticeCard.Build("That didn't work", SomethingWentWrong, isProblem: true);
                await turn.SendActivityAsync(new Activity
                {
                    Type = ActivityTypesEx.InvokeResponse,
                    Value = new InvokeResponse { Status = 200, Body = card.ToInvokeResponse() },
                }).ConfigureAwait(false);
            }
            else
            {
                await turn.SendActivityAsync(SomethingWentWrong).ConfigureAwait(false);
            }
        };
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed: {ActivityType} {ActivityName} in {ChannelId}")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string activityType, string? activityName, string channelId);
    }
}
