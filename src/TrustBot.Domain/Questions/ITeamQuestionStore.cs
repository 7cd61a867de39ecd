namespace TrustBot.Domain.Questions;

/// <summary>Each team's own pulse questions, active and retired (one partition per team).</summary>
public interface ITeamQuestionStore
{
    /// <summary>Stores a new question. Storing the same question again (a retried call) changes nothing.</summary>
    /// <exception cref="InvalidOperationException">The team already has a different question with this id.</exception>
    Task AddAsync(TeamQuestion question, CancellationToken cancellationToken);

    /// <summary>Every question of the team, retired ones included, oldest first (one partition scan).</summary>
    Task<IReadOnlyList<TeamQuestion>> GetAllAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>
    /// Retires a question of the team, if it is not retired yet (an already retired one keeps its
    /// date, so retiring is idempotent). Returns the question as it stood before the call, so the
    /// caller can tell a fresh retirement from a repeated one; null when the team has no question
    /// with that id.
    /// </summary>
    Task<TeamQuestion?> RetireAsync(string teamId, string itemId, DateTimeOffset retiredAt, CancellationToken cancellationToken);
}
