using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using TrustBot.Bot;

namespace TrustBot.Onboarding;

/// <summary>Greets a team, a group chat or a person when the bot is installed.</summary>
public sealed class WelcomeDialog
{
    /// <summary>Sends the welcome card for the conversation's scope.</summary>
    public Task GreetAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var scope = ConversationScopes.ScopeOf(turn.Activity);
        return turn.SendActivityAsync(MessageFactory.Attachment(WelcomeCard.Build(scope).ToAttachment()), cancellationToken);
    }
}
