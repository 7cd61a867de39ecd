using TrustBot.Domain;
using TrustBot.Domain.Observations;

namespace TrustBot.Observations;

/// <summary>
/// The observation card's inputs as text, exactly as sent: what the card is filled in with when
/// it is shown again, and what <see cref="Check"/> reads into an <see cref="ObservationEntry"/>.
/// </summary>
/// <param name="Kind">The kind picked (an <see cref="ObservationKind"/> name).</param>
/// <param name="Text">What was seen or heard.</param>
/// <param name="Factors">The factor ids picked, comma-separated as a multi-select sends them.</param>
/// <param name="Effect">The effect picked (an <see cref="ObservationEffect"/> name).</param>
/// <param name="ObservedOn">The day picked, yyyy-MM-dd as the date input sends it.</param>
public sealed record ObservationForm(string? Kind, string? Text, string? Factors, string? Effect, string? ObservedOn)
{
    /// <summary>A fresh form: dated today, with the text typed after the command, if any.</summary>
    /// <param name="today">The lead's calendar day.</param>
    /// <param name="text">Text to start from; empty for none.</param>
    public static ObservationForm Blank(DateOnly today, string text) =>
        new(null, text.Length > 0 ? text : null, null, null, FormFormats.FormatDay(today));

    /// <summary>The day picked, when it is a date at all.</summary>
    public DateOnly? Day => FormFormats.ParseDay(ObservedOn);

    /// <summary>Reads the form into an entry and checks it; the entry is there only when nothing is wrong.</summary>
    /// <param name="today">The lead's calendar day now.</param>
    public ObservationCheck Check(DateOnly today)
    {
        // What the card could not have sent is reported first: the rules only make sense on an entry.
        List<string> unreadable = [];
        var kind = NameOf<ObservationKind>(Kind);
        if (kind is null)
        {
            unreadable.Add("Please pick whether it was an interview or a GoSee.");
        }

        var effect = NameOf<ObservationEffect>(Effect);
        if (effect is null)
        {
            unreadable.Add("Please pick whether it helps trust, hurts trust or is neutral.");
        }

        if (Day is null)
        {
            unreadable.Add(string.IsNullOrWhiteSpace(ObservedOn)
                ? "Please pick the day you saw or heard it."
                : "That date isn't one I can read; please pick the day from the calendar.");
        }

        if (unreadable.Count > 0)
        {
            return new ObservationCheck(null, unreadable);
        }

        var entry = new ObservationEntry(
            kind!.Value,
            Text?.Trim() ?? string.Empty,
            (Factors ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            effect!.Value,
            Day!.Value);
        var problems = ObservationRules.Problems(entry, today);
        return new ObservationCheck(problems.Count == 0 ? entry : null, problems);
    }

    // By exact name only: Enum.TryParse would also take "1" or "interview".
    private static TEnum? NameOf<TEnum>(string? name)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(value => string.Equals(value.ToString(), name, StringComparison.Ordinal)).Select(value => (TEnum?)value).FirstOrDefault();
}

/// <summary>The entry a form holds, or what is wrong with it.</summary>
/// <param name="Entry">The entry, when there are no problems.</param>
/// <param name="Problems">Messages for the lead; empty when the entry can be stored.</param>
public sealed record ObservationCheck(ObservationEntry? Entry, IReadOnlyList<string> Problems);
