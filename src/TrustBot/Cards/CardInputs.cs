namespace TrustBot.Cards;

/// <summary>Free text input.</summary>
public sealed record TextInput : CardElement
{
    /// <summary>Creates a text input; inputs always need an id.</summary>
    public TextInput(string id) => Id = id;

    /// <summary>Label shown above the input.</summary>
    public string? Label { get; init; }

    /// <summary>Hint shown while empty.</summary>
    public string? Placeholder { get; init; }

    /// <summary>Initial value.</summary>
    public string? Value { get; init; }

    /// <summary>Maximum number of characters the client lets the user type.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Several lines of text.</summary>
    public bool? IsMultiline { get; init; }

    /// <summary>The client refuses to submit while empty.</summary>
    public bool? IsRequired { get; init; }

    /// <summary>Shown when <see cref="IsRequired"/> fails.</summary>
    public string? ErrorMessage { get; init; }
}

/// <summary>Pick one or several of a list of choices.</summary>
public sealed record ChoiceSetInput : CardElement
{
    /// <summary>Creates a choice set; inputs always need an id.</summary>
    public ChoiceSetInput(string id, IReadOnlyList<Choice> choices)
    {
        Id = id;
        Choices = choices;
    }

    /// <summary>The choices.</summary>
    public IReadOnlyList<Choice> Choices { get; init; }

    /// <summary>Label shown above the input.</summary>
    public string? Label { get; init; }

    /// <summary><c>expanded</c> shows every choice as a radio button or checkbox.</summary>
    public ChoiceInputStyle? Style { get; init; }

    /// <summary>Allow several picks; the value is then a comma-separated list.</summary>
    public bool? IsMultiSelect { get; init; }

    /// <summary>Initially selected value(s).</summary>
    public string? Value { get; init; }

    /// <summary>The client refuses to submit while nothing is picked.</summary>
    public bool? IsRequired { get; init; }

    /// <summary>Shown when <see cref="IsRequired"/> fails.</summary>
    public string? ErrorMessage { get; init; }
}

/// <summary>One choice of a <see cref="ChoiceSetInput"/>.</summary>
public sealed record Choice(string Title, string Value);

/// <summary>A calendar date (yyyy-MM-dd).</summary>
public sealed record DateInput : CardElement
{
    /// <summary>Creates a date input; inputs always need an id.</summary>
    public DateInput(string id) => Id = id;

    /// <summary>Label shown above the input.</summary>
    public string? Label { get; init; }

    /// <summary>Initial value, yyyy-MM-dd.</summary>
    public string? Value { get; init; }

    /// <summary>Earliest date, yyyy-MM-dd.</summary>
    public string? Min { get; init; }

    /// <summary>The client refuses to submit while empty.</summary>
    public bool? IsRequired { get; init; }

    /// <summary>Shown when <see cref="IsRequired"/> fails.</summary>
    public string? ErrorMessage { get; init; }
}

/// <summary>An on/off switch.</summary>
public sealed record ToggleInput : CardElement
{
    /// <summary>Creates a toggle; inputs always need an id and a title.</summary>
    public ToggleInput(string id, string title)
    {
        Id = id;
        Title = title;
    }

    /// <summary>Text beside the switch.</summary>
    public string Title { get; init; }

    /// <summary>Initial value, <c>true</c> or <c>false</c>.</summary>
    public string? Value { get; init; }
}

/// <summary>A number.</summary>
public sealed record NumberInput : CardElement
{
    /// <summary>Creates a number input; inputs always need an id.</summary>
    public NumberInput(string id) => Id = id;

    /// <summary>Label shown above the input.</summary>
    public string? Label { get; init; }

    /// <summary>Initial value.</summary>
    public double? Value { get; init; }

    /// <summary>Smallest value allowed.</summary>
    public double? Min { get; init; }

    /// <summary>Largest value allowed.</summary>
    public double? Max { get; init; }
}
