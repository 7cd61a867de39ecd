using TrustBot.Domain.Questions;

namespace TrustBot.Domain.Definition;

/// <summary>
/// What makes a proposal, a ballot and a charter acceptable. Every problem is a message the member
/// can act on; nothing is stored while there is one.
/// </summary>
public static class DefinitionRules
{
    /// <summary>The shortest statement, in characters: shorter ones say too little to vote on.</summary>
    public const int MinTextLength = 10;

    /// <summary>The longest statement, in characters: one sentence that fits on a card.</summary>
    public const int MaxTextLength = 280;

    /// <summary>The most proposals one ballot may pick, so a vote says what matters most.</summary>
    public const int MaxPicks = 3;

    /// <summary>The fewest proposals worth a vote.</summary>
    public const int MinProposalsForVote = 2;

    /// <summary>The most statements a charter holds, so it stays short enough to remember.</summary>
    public const int MaxStatements = 10;

    /// <summary>How long a vote stays open.</summary>
    public static readonly TimeSpan VoteWindow = TimeSpan.FromDays(3);

    /// <summary>A statement trimmed, its white space collapsed (the same rule as the teams' own questions).</summary>
    public static string Normalize(string? text) => TeamQuestionRules.Normalize(text);

    /// <summary>The problems with a proposed statement; empty when it can be stored.</summary>
    public static IReadOnlyList<string> ProposalProblems(string? text) => [.. TextProblems(Normalize(text), "Your statement")];

    /// <summary>The problems with a member's picks on a ballot; empty when they can be stored.</summary>
    /// <param name="vote">The vote the ballot belongs to.</param>
    /// <param name="picks">The proposal ids picked.</param>
    public static IReadOnlyList<string> BallotProblems(TrustVote vote, IReadOnlyList<string> picks)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(picks);
        List<string> problems = [];
        if (picks.Count == 0)
        {
            problems.Add("Please pick at least one statement.");
        }

        if (picks.Count > MaxPicks)
        {
            problems.Add(Invariant($"Please pick at most {MaxPicks} statements (you picked {picks.Count})."));
        }

        if (picks.Distinct(StringComparer.Ordinal).Count() != picks.Count)
        {
            problems.Add("Each statement can be picked only once.");
        }

        if (picks.Any(pick => !vote.ProposalIds.Contains(pick, StringComparer.Ordinal)))
        {
            problems.Add("One of your picks isn't on this ballot. Please pick only from the listed statements.");
        }

        return problems;
    }

    /// <summary>The statements of a charter as a lead typed them, one a line, normalised; blank lines dropped.</summary>
    public static IReadOnlyList<string> Statements(string? text) =>
        [.. (text ?? string.Empty).Split('\n').Select(Normalize).Where(line => line.Length > 0)];

    /// <summary>The problems with a charter's statements; empty when it can be saved.</summary>
    public static IReadOnlyList<string> CharterProblems(IReadOnlyList<string> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        if (statements.Count == 0)
        {
            return ["Please keep at least one statement for the charter."];
        }

        if (statements.Count > MaxStatements)
        {
            return [Invariant($"A charter holds at most {MaxStatements} statements; please keep the {MaxStatements} that matter most (there are {statements.Count}).")];
        }

        return [.. statements.SelectMany((statement, i) => TextProblems(statement, Invariant($"Statement {i + 1}")))];
    }

    private static IEnumerable<string> TextProblems(string text, string what)
    {
        if (text.Length == 0)
        {
            yield return "Please finish the sentence \"On our team, trust means …\".";
        }
        else if (text.Length < MinTextLength)
        {
            yield return Invariant($"{what} is {text.Length} characters long; please make it at least {MinTextLength}.");
        }
        else if (text.Length > MaxTextLength)
        {
            yield return Invariant($"{what} is {text.Length} characters long; please keep it to {MaxTextLength} or fewer.");
        }
    }

    private static string Invariant(FormattableString message) => FormattableString.Invariant(message);
}
