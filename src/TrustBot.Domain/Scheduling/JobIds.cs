using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrustBot.Domain.Scheduling;

/// <summary>
/// Job ids: the due time first (so ids sort by when jobs are due, and "what is due now" is a
/// range), then the kind, then a digest of team and subject that keeps the id short and makes the
/// same job always get the same id.
/// </summary>
public static class JobIds
{
    /// <summary>The format of the due-time prefix: UTC, to the second, sortable as text.</summary>
    public const string DueFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The id of the job of this kind, team, subject and due time.</summary>
    public static string For(JobKind kind, string teamId, string subject, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(teamId);
        ArgumentNullException.ThrowIfNull(subject);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(teamId + "\n" + subject));
        return $"{DuePrefix(dueAt)}-{kind}-{Convert.ToHexStringLower(digest, 0, 10)}";
    }

    /// <summary>The prefix of the ids of jobs due at <paramref name="at"/>; every job due by then has an id ≤ this prefix followed by <c>~</c>.</summary>
    public static string DuePrefix(DateTimeOffset at) => at.UtcDateTime.ToString(DueFormat, CultureInfo.InvariantCulture);
}
