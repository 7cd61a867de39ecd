using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using TrustBot.Bot;

namespace TrustBot.Onboarding;

/// <summary>Answers <c>help</c>, the welcome card's "Show commands" button, and any text no command matches.</summary>
public sealed class HelpDialog : IDialog
{
    /// <summary>The verb of the "Show commands" button.</summary>
    public const string ShowVerb = "help.show";

    /// <inheritdoc />
    public IReadOnlyList<BotCommand> Commands => [BotCommands.Help];

    /// <inheritdoc />
    public IReadOnlyList<string> Verbs => [ShowVerb];

    /// <inheritdoc />
    public Task OnCommandAsync(ITurnContext<IMessageActivity> turn, BotCommand command, string argument, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(MessageFactory.Attachment(HelpCard.Build(BotCommands.All).ToAttachment()), cancellationToken);

    /// <inheritdoc />
    public Task<AdaptiveCardInvokeResponse> OnVerbAsync(ITurnContext<IInvokeActivity> turn, AdaptiveCardInvokeValue invoke, CancellationToken cancellationToken) =>
        Task.FromResult(HelpCard.Build(BotCommands.All).ToInvokeResponse());

    /// <summary>Tells the user their text was not a command and shows what is.</summary>
    public Task ReplyToUnknownAsync(ITurnContext<IMessageActivity> turn, string text, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(MessageFactory.Attachment(HelpCard.Build(BotCommands.All, notUnderstood: text).ToAttachment()), cancellationToken);
}
