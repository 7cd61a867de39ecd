using TrustBot.Bot;

namespace TrustBot.Onboarding;

/// <summary>Greets a team, a group chat or a person when the bot is installed.</summary>
public sealed class WelcomeDialog
{
    /// <summary>Sends the welcome card for the conversation's scope.</summary>
    public Task GreetAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.ReplyAsync(WelcomeCard.Build(turn.Scope), cancellationToken);
    }
}
