using System.Text.Json.Serialization;

namespace TrustBot.Cards;

/// <summary>A button on a card.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract record CardAction(string Title)
{
    /// <summary><c>positive</c> or <c>destructive</c> buttons are drawn in colour.</summary>
    public ActionStyle? Style { get; init; }
}

/// <summary>
/// A universal action: Teams sends an <c>adaptiveCard/action</c> invoke with the verb, the
/// data and the card's inputs, and replaces the card with the one the bot answers.
/// </summary>
public sealed record ExecuteAction(string Title, string Verb) : CardAction(Title)
{
    /// <summary>Data sent with the inputs, such as the ids the verb acts on.</summary>
    public object? Data { get; init; }
}

/// <summary>Reveals a nested card under the buttons.</summary>
public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title);

/// <summary>Opens a web page.</summary>
public sealed record OpenUrlAction(string Title, string Url) : CardAction(Title);

/// <summary>Shows or hides elements of the card without a round trip.</summary>
public sealed record ToggleVisibilityAction(string Title, IReadOnlyList<string> TargetElements) : CardAction(Title);
