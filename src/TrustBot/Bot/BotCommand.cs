namespace TrustBot.Bot;

/// <summary>A text command a user can type to the bot.</summary>
/// <param name="Text">What the user types, lower case, e.g. <c>start pulse</c>.</param>
/// <param name="Description">One line for the help card and the Teams app manifest.</param>
public sealed record BotCommand(string Text, string Description);

/// <summary>
/// Every command the bot answers, in the order the help card lists them. One list serves the
/// router, the help card and (later) the app manifest, so they cannot drift apart.
/// </summary>
public static class BotCommands
{
    /// <summary>Shows the help card.</summary>
    public static readonly BotCommand Help = new("help", "See what I can do and how to ask");

    /// <summary>All commands.</summary>
    public static IReadOnlyList<BotCommand> All { get; } = [Help];
}
