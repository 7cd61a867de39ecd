using System.Text.Json.Serialization;

namespace TrustBot.Cards;

/// <summary>Anything that can appear in a card's body or a container.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
public abstract record CardElement
{
    /// <summary>Identifier, used by inputs and by <c>Action.ToggleVisibility</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Set to <c>false</c> to hide the element until it is toggled.</summary>
    public bool? IsVisible { get; init; }

    /// <summary>Draw a line above the element.</summary>
    public bool? Separator { get; init; }

    /// <summary>Space above the element.</summary>
    public Spacing? Spacing { get; init; }
}

/// <summary>A paragraph of text; supports a small subset of Markdown.</summary>
public sealed record TextBlock(string Text) : CardElement
{
    /// <summary>Font size.</summary>
    public TextSize? Size { get; init; }

    /// <summary>Font weight.</summary>
    public TextWeight? Weight { get; init; }

    /// <summary>Theme colour; themes map these to readable colours in light, dark and high contrast.</summary>
    public TextColor? Color { get; init; }

    /// <summary>Render in a lighter shade.</summary>
    public bool? IsSubtle { get; init; }

    /// <summary>Wrap long text instead of truncating it. Defaults to <c>true</c>.</summary>
    public bool? Wrap { get; init; } = true;

    /// <summary>Heading or default text.</summary>
    public TextBlockStyle? Style { get; init; }
}

/// <summary>A paragraph made of differently formatted runs.</summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement;

/// <summary>A run of text inside a <see cref="RichTextBlock"/>.</summary>
public sealed record TextRun(string Text)
{
    /// <summary>Always <c>TextRun</c>.</summary>
    public string Type => "TextRun";

    /// <summary>Font weight.</summary>
    public TextWeight? Weight { get; init; }

    /// <summary>Theme colour.</summary>
    public TextColor? Color { get; init; }

    /// <summary>Italic text.</summary>
    public bool? Italic { get; init; }

    /// <summary>Lighter shade.</summary>
    public bool? IsSubtle { get; init; }
}

/// <summary>Groups elements, optionally with a background style.</summary>
public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    /// <summary>Background style.</summary>
    public ContainerStyle? Style { get; init; }

    /// <summary>Draw the background to the card's edges.</summary>
    public bool? Bleed { get; init; }
}

/// <summary>Elements side by side.</summary>
public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

/// <summary>One column of a <see cref="ColumnSet"/>.</summary>
public sealed record Column(IReadOnlyList<CardElement> Items)
{
    /// <summary>Always <c>Column</c>.</summary>
    public string Type => "Column";

    /// <summary><c>auto</c>, <c>stretch</c> or a relative weight such as <c>2</c>.</summary>
    public string? Width { get; init; }

    /// <summary>Vertical alignment of the column's content.</summary>
    public VerticalAlignment? VerticalContentAlignment { get; init; }
}

/// <summary>Label/value pairs.</summary>
public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

/// <summary>A label and its value.</summary>
public sealed record Fact(string Title, string Value);

/// <summary>A picture, by URL or data URI.</summary>
public sealed record Image(string Url) : CardElement
{
    /// <summary>Text read by screen readers.</summary>
    public string? AltText { get; init; }

    /// <summary>Display size.</summary>
    public ImageSize? Size { get; init; }
}

/// <summary>Buttons inside the body.</summary>
public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;
