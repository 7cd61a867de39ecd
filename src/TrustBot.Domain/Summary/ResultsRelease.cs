namespace TrustBot.Domain.Summary;

/// <summary>
/// That a closed run's results went out to its members, and the lead's "what we will do" line that
/// went with them. There is at most one per run: the first to go (a lead's send, or the wait running
/// out) is the one every member gets.
/// </summary>
/// <param name="TeamId">The team.</param>
/// <param name="RunId">The closed run.</param>
/// <param name="Line">What the team will do, in a lead's words; null when the results went without one.</param>
/// <param name="ReleasedAt">When they went.</param>
public sealed record ResultsRelease(string TeamId, string RunId, string? Line, DateTimeOffset ReleasedAt)
{
    /// <summary>The longest "what we will do" line accepted, in characters.</summary>
    public const int MaxLineLength = 280;

    /// <summary>What is wrong with a line a lead wrote; nothing for an empty one (the results can go without).</summary>
    public static IEnumerable<string> LineProblems(string? line)
    {
        if (line?.Trim() is { Length: > MaxLineLength } trimmed)
        {
            yield return FormattableString.Invariant($"The line is {trimmed.Length} characters long; please keep it to {MaxLineLength} or fewer.");
        }
    }
}

/// <summary>The <see cref="ResultsRelease"/> of each closed run.</summary>
public interface IResultsReleaseStore
{
    /// <summary>Stores the release unless the run has one; returns the stored one and whether it is this.</summary>
    Task<(ResultsRelease Stored, bool Added)> TryAddAsync(ResultsRelease release, CancellationToken cancellationToken);

    /// <summary>The run's release, or null while its results have not gone.</summary>
    Task<ResultsRelease?> GetAsync(string teamId, string runId, CancellationToken cancellationToken);
}
