using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Observations;

/// <summary>
/// What makes an observation acceptable. Every problem comes back as a message the lead can act
/// on, so the card can say exactly what to fix and nothing is stored until there are none.
/// </summary>
public static class ObservationRules
{
    /// <summary>The longest text accepted, in characters (UTF-16 code units, as the card's text input counts them).</summary>
    public const int MaxTextLength = 1000;

    /// <summary>
    /// The most factors one observation can bear on: three keeps it a signal about what mattered
    /// most, which is what the factor scoring weighs it as.
    /// </summary>
    public const int MaxFactors = 3;

    /// <summary>The problems with the entry, as plain messages for the lead; empty when it can be stored.</summary>
    /// <param name="entry">What the lead sent.</param>
    /// <param name="today">The lead's calendar day now; a later day has not happened yet.</param>
    public static IReadOnlyList<string> Problems(ObservationEntry entry, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return [.. TextProblems(entry.Text), .. FactorProblems(entry.FactorIds), .. DateProblems(entry.ObservedOn, today)];
    }

    private static IEnumerable<string> TextProblems(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return "Please write down what you saw or heard.";
        }
        else if (text.Length > MaxTextLength)
        {
            yield return Invariant($"What you saw is {text.Length} characters long; please keep it to {MaxTextLength} or fewer.");
        }
    }

    private static IEnumerable<string> FactorProblems(IReadOnlyList<string> factorIds)
    {
        if (factorIds.Count == 0)
        {
            yield return "Please pick at least one trust factor it bears on.";
            yield break;
        }

        if (factorIds.Any(id => TrustFactors.Find(id) is null))
        {
            yield return "Please pick only from the listed trust factors.";
        }

        if (factorIds.Distinct(StringComparer.Ordinal).Count() != factorIds.Count)
        {
            yield return "Each trust factor can be picked only once.";
        }

        if (factorIds.Count > MaxFactors)
        {
            yield return Invariant($"Please pick at most {MaxFactors} trust factors (you picked {factorIds.Count}).");
        }
    }

    private static IEnumerable<string> DateProblems(DateOnly observedOn, DateOnly today)
    {
        if (observedOn > today)
        {
            yield return "The date is in the future; please pick the day you saw or heard it.";
        }
    }

    private static string Invariant(FormattableString message) => FormattableString.Invariant(message);
}
