using System.Globalization;

namespace TrustBot.Domain.Pulse;

/// <summary>
/// What makes a pulse submission acceptable. Every problem comes back as a message the member can
/// act on, so the card can say exactly what to fix and nothing is stored until there are none.
/// </summary>
public static class PulseSubmissionRules
{
    /// <summary>The longest comment accepted, in characters (UTF-16 code units, as the card's text input counts them).</summary>
    public const int MaxCommentLength = 500;

    /// <summary>
    /// The most factors a member can pick under "what helped" and, separately, under "what hurt":
    /// three keeps the picks a signal of what mattered most rather than a second survey.
    /// </summary>
    public const int MaxPicks = 3;

    /// <summary>
    /// The problems with the submission, as plain messages for the member; empty when it can be stored.
    /// A run that no longer takes answers is the only problem reported, since fixing anything else would not help.
    /// </summary>
    /// <param name="run">The run the submission is for, as stored.</param>
    /// <param name="submission">What the member sent.</param>
    /// <param name="now">The current time.</param>
    public static IReadOnlyList<string> Problems(PulseRun run, PulseSubmission submission, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(submission);
        if (!string.Equals(run.RunId, submission.RunId, StringComparison.Ordinal))
        {
            return ["This answer is for a different pulse. Please use the latest pulse card."];
        }

        if (!run.AcceptsAnswersAt(now))
        {
            return [ClosedMessage(run, now)];
        }

        var problems = new List<string>();
        problems.AddRange(ScoreProblems(run, submission.Scores));
        problems.AddRange(CommentProblems(submission.Comment));
        problems.AddRange(PickProblems(submission.Helped, submission.Hurt));
        return problems;
    }

    private static string ClosedMessage(PulseRun run, DateTimeOffset now) =>
        now >= run.ClosesAt
            ? string.Create(CultureInfo.InvariantCulture, $"This pulse closed on {run.ClosesAt.UtcDateTime:d MMMM yyyy 'at' HH:mm} UTC, so it no longer takes answers.")
            : "This pulse is closed, so it no longer takes answers.";

    private static IEnumerable<string> ScoreProblems(PulseRun run, IReadOnlyDictionary<string, int> scores)
    {
        var asked = run.ItemIds.ToHashSet(StringComparer.Ordinal);

        var notAsked = scores.Keys.Count(id => !asked.Contains(id));
        if (notAsked > 0)
        {
            yield return notAsked == 1
                ? "One answer is for a question that is not in this pulse."
                : Invariant($"{notAsked} answers are for questions that are not in this pulse.");
        }

        var unanswered = asked.Count(id => !scores.ContainsKey(id));
        if (unanswered > 0)
        {
            yield return unanswered == 1
                ? "Please answer every question: one is still unanswered."
                : Invariant($"Please answer every question: {unanswered} are still unanswered.");
        }

        var offScale = scores.Count(s => asked.Contains(s.Key) && !LikertScale.IsOnScale(s.Value));
        if (offScale > 0)
        {
            var scale = Invariant($"from {LikertScale.Min} ({LikertScale.Label(LikertScale.Min)}) to {LikertScale.Max} ({LikertScale.Label(LikertScale.Max)})");
            yield return offScale == 1
                ? $"Each answer must be {scale}; one is not."
                : Invariant($"Each answer must be {scale}; {offScale} are not.");
        }
    }

    private static IEnumerable<string> CommentProblems(string? comment)
    {
        if (comment is { Length: > MaxCommentLength })
        {
            yield return Invariant($"Your comment is {comment.Length} characters long; please keep it to {MaxCommentLength} or fewer.");
        }
    }

    private static IEnumerable<string> PickProblems(IReadOnlyList<string> helped, IReadOnlyList<string> hurt)
    {
        foreach (var (picks, heading) in new[] { (helped, "what helped"), (hurt, "what hurt") })
        {
            if (picks.Any(id => TrustFactors.Find(id) is null))
            {
                yield return $"Under \"{heading}\", please pick only from the listed factors.";
            }

            if (picks.Distinct(StringComparer.Ordinal).Count() != picks.Count)
            {
                yield return $"Under \"{heading}\", each factor can be picked only once.";
            }

            if (picks.Count > MaxPicks)
            {
                yield return Invariant($"Under \"{heading}\", please pick at most {MaxPicks} factors (you picked {picks.Count}).");
            }
        }

        foreach (var factor in TrustFactors.All.Where(f => helped.Contains(f.Id) && hurt.Contains(f.Id)))
        {
            yield return $"{factor.Name} is picked under both \"what helped\" and \"what hurt\"; please keep it under one.";
        }
    }

    private static string Invariant(FormattableString message) => FormattableString.Invariant(message);
}
