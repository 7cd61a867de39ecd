using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace TrustBot.Bot;

/// <summary>
/// The conversation for one stage of the framework: the text commands it answers and the card
/// verbs (<c>Action.Execute</c>) it handles. The <see cref="DialogRouter"/> sends each turn to
/// the dialog that owns its command or verb.
/// </summary>
public interface IDialog
{
    /// <summary>The commands this dialog answers.</summary>
    IReadOnlyList<BotCommand> Commands => [];

    /// <summary>The <c>Action.Execute</c> verbs this dialog handles.</summary>
    IReadOnlyList<string> Verbs => [];

    /// <summary>Answers a command.</summary>
    /// <param name="turn">The message turn.</param>
    /// <param name="command">The command the user typed.</param>
    /// <param name="argument">Whatever followed the command, trimmed; empty when nothing did.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    Task OnCommandAsync(ITurnContext<IMessageActivity> turn, BotCommand command, string argument, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} declares no commands.");

    /// <summary>Handles a card verb; the returned card replaces the one that was clicked.</summary>
    Task<AdaptiveCardInvokeResponse> OnVerbAsync(ITurnContext<IInvokeActivity> turn, AdaptiveCardInvokeValue invoke, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} declares no verbs.");
}
