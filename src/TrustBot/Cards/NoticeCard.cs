namespace TrustBot.Cards;

/// <summary>A short card with a heading and one message: errors, confirmations, "no longer available".</summary>
public static class NoticeCard
{
    /// <summary>Builds the card.</summary>
    /// <param name="title">One-line heading.</param>
    /// <param name="message">What happened and, where it helps, what to do next.</param>
    /// <param name="isProblem">Draws the heading in the theme's attention colour.</param>
    public static AdaptiveCard Build(string title, string message, bool isProblem = false) => new()
    {
        Body =
        [
            new TextBlock(title) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Color = isProblem ? TextColor.Attention : null },
            new TextBlock(message),
        ],
    };
}
