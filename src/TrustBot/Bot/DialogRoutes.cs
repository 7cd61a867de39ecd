using System.Text.Json.Nodes;
using TrustBot.Cards;

namespace TrustBot.Bot;

/// <summary>Answers a typed command.</summary>
/// <param name="turn">The message turn.</param>
/// <param name="argument">Whatever followed the command, whitespace collapsed; empty when nothing did.</param>
/// <param name="cancellationToken">Cancels the turn.</param>
public delegate Task CommandHandler(BotTurn turn, string argument, CancellationToken cancellationToken);

/// <summary>Handles a card verb; the card returned replaces the one that was clicked.</summary>
/// <param name="turn">The card action's turn.</param>
/// <param name="data">The button's data merged with the card's inputs (client-editable); null when it is not a JSON object.</param>
/// <param name="cancellationToken">Cancels the turn.</param>
public delegate Task<AdaptiveCard> VerbHandler(BotTurn turn, JsonObject? data, CancellationToken cancellationToken);

/// <summary>A command and the handler that answers it.</summary>
public sealed record CommandRoute(BotCommand Command, CommandHandler Handler);

/// <summary>A card verb and the handler that answers it.</summary>
public sealed record VerbRoute(string Verb, VerbHandler Handler);

/// <summary>
/// Where a dialog declares, once, each command and verb it answers and the method that answers it;
/// the <see cref="DialogRouter"/> calls that method directly.
/// </summary>
public sealed class DialogRoutes
{
    private readonly List<CommandRoute> _commands = [];
    private readonly List<VerbRoute> _verbs = [];

    /// <summary>The commands declared so far.</summary>
    public IReadOnlyList<CommandRoute> Commands => _commands;

    /// <summary>The verbs declared so far.</summary>
    public IReadOnlyList<VerbRoute> Verbs => _verbs;

    /// <summary>Declares a command whose handler reads what follows it.</summary>
    public DialogRoutes Command(BotCommand command, CommandHandler handler)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(handler);
        _commands.Add(new CommandRoute(command, handler));
        return this;
    }

    /// <summary>Declares a command whose handler takes no argument.</summary>
    public DialogRoutes Command(BotCommand command, Func<BotTurn, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Command(command, (turn, _, cancellationToken) => handler(turn, cancellationToken));
    }

    /// <summary>Declares a card verb whose handler reads the card's data.</summary>
    public DialogRoutes Verb(string verb, VerbHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(verb);
        ArgumentNullException.ThrowIfNull(handler);
        _verbs.Add(new VerbRoute(verb, handler));
        return this;
    }

    /// <summary>Declares a card verb whose handler needs no card data.</summary>
    public DialogRoutes Verb(string verb, Func<BotTurn, CancellationToken, Task<AdaptiveCard>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Verb(verb, (turn, _, cancellationToken) => handler(turn, cancellationToken));
    }
}
