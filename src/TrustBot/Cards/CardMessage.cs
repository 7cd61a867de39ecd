namespace TrustBot.Cards;

/// <summary>A message the bot sends on its own (not as a reply): a card, with a line of text above it when that helps.</summary>
/// <param name="Card">The card.</param>
/// <param name="Text">Text shown with the card (e.g. why a reminder came), or null for the card alone.</param>
public sealed record CardMessage(AdaptiveCard Card, string? Text = null)
{
    /// <summary>A card sent on its own.</summary>
    public static implicit operator CardMessage(AdaptiveCard card) => FromAdaptiveCard(card) ?? throw new ArgumentNullException(nameof(card));

    /// <summary>A card sent on its own; null stays null ("send nothing").</summary>
    public static CardMessage? FromAdaptiveCard(AdaptiveCard? card) => card is null ? null : new CardMessage(card);
}
