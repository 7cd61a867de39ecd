namespace TrustBot.Bot;

/// <summary>Finds the dialog that owns a typed command or a card verb.</summary>
public sealed class DialogRouter
{
    private readonly List<(BotCommand Command, IDialog Dialog)> _commands;
    private readonly Dictionary<string, IDialog> _verbs = new(StringComparer.Ordinal);

    /// <summary>Builds the routes; fails fast when two dialogs claim the same command or verb.</summary>
    public DialogRouter(IEnumerable<IDialog> dialogs)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var all = dialogs.ToList();

        _commands = [.. all.SelectMany(d => d.Commands.Select(c => (c, d)))
            // Longest first, so "charter history" wins over "charter".
            .OrderByDescending(route => route.c.Text.Length)];

        var duplicate = _commands.GroupBy(r => r.Command.Text).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Command '{duplicate.Key}' is claimed by more than one dialog.");
        }

        foreach (var dialog in all)
        {
            foreach (var verb in dialog.Verbs)
            {
                if (!_verbs.TryAdd(verb, dialog))
                {
                    throw new InvalidOperationException($"Verb '{verb}' is claimed by more than one dialog.");
                }
            }
        }
    }

    /// <summary>Every command some dialog answers.</summary>
    public IEnumerable<BotCommand> Commands => _commands.Select(r => r.Command);

    /// <summary>
    /// Matches typed text to a command: case-insensitive, extra spaces ignored, and the command
    /// must end at a word boundary ("helpful" is not "help").
    /// </summary>
    public CommandMatch? MatchCommand(string? text)
    {
        var normalized = Normalize(text);
        foreach (var (command, dialog) in _commands)
        {
            if (normalized.Equals(command.Text, StringComparison.OrdinalIgnoreCase))
            {
                return new CommandMatch(dialog, command, string.Empty);
            }

            if (normalized.StartsWith(command.Text + " ", StringComparison.OrdinalIgnoreCase))
            {
                return new CommandMatch(dialog, command, normalized[(command.Text.Length + 1)..]);
            }
        }

        return null;
    }

    /// <summary>The dialog that handles a verb, or <c>null</c> for a verb nobody handles.</summary>
    public IDialog? DialogForVerb(string? verb) =>
        verb is not null && _verbs.TryGetValue(verb, out var dialog) ? dialog : null;

    private static string Normalize(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A typed command and the dialog that answers it.</summary>
/// <param name="Dialog">The dialog that owns the command.</param>
/// <param name="Command">The command.</param>
/// <param name="Argument">Text after the command, whitespace collapsed.</param>
public sealed record CommandMatch(IDialog Dialog, BotCommand Command, string Argument);
