using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Questions;

/// <summary>
/// What makes a team's own question acceptable. Every problem comes back as a message the lead can
/// act on, so the card can say exactly what to fix and nothing is stored until there are none.
/// </summary>
public static class TeamQuestionRules
{
    /// <summary>The shortest question, in characters: anything shorter can't say what members agree with.</summary>
    public const int MinTextLength = 10;

    /// <summary>The longest question, in characters: a pulse item should be read at a glance.</summary>
    public const int MaxTextLength = 200;

    /// <summary>
    /// The most questions of its own a team may have in use at once: about the built-in bank's size
    /// again, so the rotation stays short enough that every item still comes round every few runs.
    /// </summary>
    public const int MaxActivePerTeam = 20;

    /// <summary>
    /// The problems with the draft, as plain messages for the lead; empty when it can be added.
    /// A team at its limit gets only that problem, since fixing anything else would not help.
    /// </summary>
    /// <param name="draft">What the lead wrote.</param>
    /// <param name="teamBank">The team's bank: the built-in items and its own (see <see cref="QuestionBank.WithTeamItems"/>).</param>
    public static IReadOnlyList<string> Problems(TeamQuestionDraft draft, QuestionBank teamBank)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(teamBank);
        if (teamBank.Items.Count(i => TeamQuestionIds.IsWellFormed(i.Id)) >= MaxActivePerTeam)
        {
            return [Invariant($"Your team already has {MaxActivePerTeam} questions of its own in use. Retire one first (type questions), then add this one.")];
        }

        var problems = new List<string>();
        var text = Normalize(draft.Text);
        if (text.Length == 0)
        {
            problems.Add("Please write the question: a statement members can agree or disagree with.");
        }
        else if (text.Length < MinTextLength)
        {
            problems.Add(Invariant($"The question is {text.Length} characters long; please make it at least {MinTextLength}, so members know what they are agreeing with."));
        }
        else if (text.Length > MaxTextLength)
        {
            problems.Add(Invariant($"The question is {text.Length} characters long; please keep it to {MaxTextLength} or fewer."));
        }
        else if (teamBank.Items.Append(teamBank.Overall).Any(i => string.Equals(Normalize(i.Text), text, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add("Your team's pulses already ask this question. Please write a different one.");
        }

        problems.AddRange(FactorProblems(draft.FactorId));
        return problems;
    }

    /// <summary>The text as it is stored and compared: trimmed, with every run of white space made one space.</summary>
    /// <param name="text">The text as typed.</param>
    public static string Normalize(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<string> FactorProblems(string? factorId)
    {
        var factors = string.Join(", ", TrustFactors.All.Select(f => f.Name));
        if (string.IsNullOrWhiteSpace(factorId))
        {
            yield return $"Please choose the factor of trust the question measures: {factors}.";
        }
        else if (string.Equals(factorId, QuestionItem.OverallFactorId, StringComparison.Ordinal))
        {
            yield return $"Every pulse already ends with the overall-trust question, so please choose one of the factors instead: {factors}.";
        }
        else if (TrustFactors.Find(factorId) is null)
        {
            // The value is not echoed: it came from an edited card and may be anything.
            yield return $"That factor is not one I know. Please choose one of: {factors}.";
        }
    }

    private static string Invariant(FormattableString message) => FormattableString.Invariant(message);
}
