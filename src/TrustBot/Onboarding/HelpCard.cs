using TrustBot.Bot;
using TrustBot.Cards;

namespace TrustBot.Onboarding;

/// <summary>The help card: what the bot does and every command it answers.</summary>
public static class HelpCard
{
    /// <summary>Builds the card.</summary>
    /// <param name="commands">The commands to list, in order.</param>
    /// <param name="notUnderstood">Text the user typed that no command matched, if that is why help is shown.</param>
    public static AdaptiveCard Build(IEnumerable<BotCommand> commands, string? notUnderstood = null)
    {
        List<CardElement> body = [];
        if (!string.IsNullOrWhiteSpace(notUnderstood))
        {
            body.Add(new TextBlock($"Sorry, I don't know \"{Shorten(notUnderstood)}\". Here is what I can do.")
            {
                Color = TextColor.Warning,
            });
        }

        body.Add(CardBlocks.Heading("TrustBot commands"));
        body.Add(new TextBlock("Type a command in our 1:1 chat, or @mention me in a channel or group chat.") { IsSubtle = true });
        body.Add(new FactSet([.. commands.Select(c => new Fact(c.Text, c.Description))]));
        return new AdaptiveCard { Body = body };
    }

    // Echo a little of what was typed so the user sees what was read, not a wall of text.
    private static string Shorten(string text)
    {
        const int MaxEcho = 40;
        var trimmed = text.Trim();
        return trimmed.Length <= MaxEcho ? trimmed : trimmed[..MaxEcho] + "…";
    }
}
