using TrustBot.Bot;

namespace TrustBot.Onboarding;

/// <summary>Answers <c>help</c>, the welcome card's "Show commands" button, and any text no command matches.</summary>
public sealed class HelpDialog : IDialog
{
    /// <summary>The verb of the "Show commands" button.</summary>
    public const string ShowVerb = "help.show";

    /// <inheritdoc />
    public void DeclareRoutes(DialogRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Command(BotCommands.Help, ShowAsync)
            .Verb(ShowVerb, (_, _) => Task.FromResult(HelpCard.Build(BotCommands.All)));
    }

    /// <summary>Tells the user their text was not a command and shows what is.</summary>
    public Task ReplyToUnknownAsync(BotTurn turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.ReplyAsync(HelpCard.Build(BotCommands.All, notUnderstood: text), cancellationToken);
    }

    private static Task ShowAsync(BotTurn turn, CancellationToken cancellationToken) =>
        turn.ReplyAsync(HelpCard.Build(BotCommands.All), cancellationToken);
}
