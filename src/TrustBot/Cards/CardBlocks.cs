namespace TrustBot.Cards;

/// <summary>The pieces every TrustBot card draws the same way, so cards look like one product.</summary>
public static class CardBlocks
{
    /// <summary>The card's title.</summary>
    public static TextBlock Heading(string text, TextColor? color = null) =>
        new(text) { Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder, Color = color };

    /// <summary>Why the last submit was refused, on a red background above the inputs.</summary>
    public static Container Problems(params IEnumerable<string> problems) =>
        new([.. problems.Select(problem => new TextBlock(problem) { Color = TextColor.Attention, Weight = TextWeight.Bolder })])
        {
            Style = ContainerStyle.Attention,
        };
}
