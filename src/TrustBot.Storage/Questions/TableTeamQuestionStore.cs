using TrustBot.Domain.Questions;

namespace TrustBot.Storage.Questions;

/// <summary>
/// <see cref="ITeamQuestionStore"/> over the table <c>TeamQuestions</c>: partition = team, row = item
/// id, so a team's bank is one partition scan and a retirement one point read and one write. See docs/storage.md.
/// </summary>
public sealed class TableTeamQuestionStore : ITeamQuestionStore
{
    internal const string TableName = "TeamQuestions";

    private readonly RecordTable<TeamQuestion> _questions;

    /// <summary>Uses the registered <c>TeamQuestions</c> table.</summary>
    public TableTeamQuestionStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _questions = new RecordTable<TeamQuestion>(tables.Get(TableName), new TeamQuestionMapper());
    }

    /// <inheritdoc />
    public async Task AddAsync(TeamQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var inserted = await _questions.InsertAsync(question, cancellationToken).ConfigureAwait(false);
        if (inserted.Succeeded)
        {
            return;
        }

        // AlreadyExists may be our own insert, retried after its response was lost: that one is done.
        var stored = await _questions.GetAsync(TableKey.Encode(question.TeamId), TableKey.Encode(question.Item.Id), cancellationToken).ConfigureAwait(false);
        if (stored?.Value.Item != question.Item)
        {
            throw new InvalidOperationException($"Team question {question.Item.Id} could not be added: {inserted.Conflict}.");
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TeamQuestion>> GetAllAsync(string teamId, CancellationToken cancellationToken) =>
        await _questions.QueryPartitionAsync(TableKey.Encode(teamId), cancellationToken: cancellationToken)
            .Select(stored => stored.Value)
            .OrderBy(question => question.AddedAt)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<TeamQuestion?> RetireAsync(string teamId, string itemId, DateTimeOffset retiredAt, CancellationToken cancellationToken)
    {
        TeamQuestion? before = null;
        await OptimisticRetry.RunAsync(
            async token =>
            {
                var stored = await _questions.GetAsync(TableKey.Encode(teamId), TableKey.Encode(itemId), token).ConfigureAwait(false);
                before = stored?.Value;
                if (stored is null || stored.Value.IsRetired)
                {
                    return null;
                }

                var replaced = await _questions.ReplaceAsync(stored with { Value = stored.Value with { RetiredAt = retiredAt } }, token).ConfigureAwait(false);
                return replaced.Conflict;
            },
            $"team question {itemId}",
            cancellationToken).ConfigureAwait(false);
        return before;
    }
}
