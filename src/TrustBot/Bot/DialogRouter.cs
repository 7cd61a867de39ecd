namespace TrustBot.Bot;

/// <summary>Finds the handler a dialog declared for a typed command or a card verb.</summary>
public sealed class DialogRouter
{
    private readonly List<CommandRoute> _commands;
    private readonly Dictionary<string, VerbRoute> _verbs = new(StringComparer.Ordinal);

    /// <summary>Builds the routes; fails fast when two handlers claim the same command or verb.</summary>
    public DialogRouter(IEnumerable<IDialog> dialogs)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var routes = new DialogRoutes();
        foreach (var dialog in dialogs)
        {
            dialog.DeclareRoutes(routes);
        }

        _commands = [.. routes.Commands
            // Longest first, so "charter history" wins over "charter".
            .OrderByDescending(route => route.Command.Text.Length)];

        var duplicate = _commands.GroupBy(r => r.Command.Text).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Command '{duplicate.Key}' is claimed by more than one dialog.");
        }

        foreach (var route in routes.Verbs)
        {
            if (!_verbs.TryAdd(route.Verb, route))
            {
                throw new InvalidOperationException($"Verb '{route.Verb}' is claimed by more than one dialog.");
            }
        }
    }

    /// <summary>Every command some dialog answers.</summary>
    public IEnumerable<BotCommand> Commands => _commands.Select(r => r.Command);

    /// <summary>Every card verb some dialog handles.</summary>
    public IEnumerable<string> Verbs => _verbs.Keys;

    /// <summary>
    /// Matches typed text to a command: case-insensitive, extra spaces ignored, and the command
    /// must end at a word boundary ("helpful" is not "help").
    /// </summary>
    public CommandMatch? MatchCommand(string? text)
    {
        var normalized = Normalize(text);
        foreach (var route in _commands)
        {
            var command = route.Command.Text;
            if (normalized.Equals(command, StringComparison.OrdinalIgnoreCase))
            {
                return new CommandMatch(route.Command, string.Empty, route.Handler);
            }

            if (normalized.StartsWith(command + " ", StringComparison.OrdinalIgnoreCase))
            {
                return new CommandMatch(route.Command, normalized[(command.Length + 1)..], route.Handler);
            }
        }

        return null;
    }

    /// <summary>The handler of a verb, or <c>null</c> for a verb nobody handles.</summary>
    public VerbHandler? HandlerForVerb(string? verb) =>
        verb is not null && _verbs.TryGetValue(verb, out var route) ? route.Handler : null;

    private static string Normalize(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A typed command and the handler that answers it.</summary>
/// <param name="Command">The command.</param>
/// <param name="Argument">Text after the command, whitespace collapsed.</param>
/// <param name="Handler">The handler its dialog declared.</param>
public sealed record CommandMatch(BotCommand Command, string Argument, CommandHandler Handler);
