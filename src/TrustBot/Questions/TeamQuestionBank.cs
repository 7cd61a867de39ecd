using TrustBot.Domain.Pulse;
using TrustBot.Domain.Questions;

namespace TrustBot.Questions;

/// <summary>
/// Each team's question bank: the built-in items plus the team's own questions (active ones to be
/// asked, retired ones still found by id). Read from storage when a turn needs it, never cached, so
/// every instance sees a lead's change at once.
/// </summary>
public sealed class TeamQuestionBank(QuestionBank builtIn, ITeamQuestionStore questions)
{
    /// <summary>The built-in bank every team's bank starts from.</summary>
    public QuestionBank BuiltIn => builtIn;

    /// <summary>The team's bank (one partition scan of its questions).</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<QuestionBank> ForTeamAsync(string teamId, CancellationToken cancellationToken) =>
        builtIn.WithTeamItems(await questions.GetAllAsync(teamId, cancellationToken).ConfigureAwait(false));
}
