using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Recovery;

/// <summary>
/// The items of a recovery pulse: a check-in of two or three statements, short enough to answer
/// the days after a difficult moment, on the factors the incident hit and on trust overall.
/// </summary>
public static class RecoveryPulseItems
{
    /// <summary>The most factor items a recovery pulse asks (the overall item comes on top).</summary>
    public const int MaxFactorItems = 2;

    /// <summary>
    /// The item ids of the recovery pulse: up to <see cref="MaxFactorItems"/> items of the
    /// incident's factors, then the overall item last (as in every run).
    /// </summary>
    /// <remarks>
    /// The factors take turns in the order the incident lists them, each giving its next item in
    /// bank order: one factor gives two of its items, two factors one each, and a third factor is
    /// left out. Factors the bank has no item for (or does not know) are skipped.
    /// </remarks>
    /// <param name="bank">The team's bank.</param>
    /// <param name="factorIds">The factors the incident hit, most important first.</param>
    public static IReadOnlyList<string> Select(QuestionBank bank, IReadOnlyList<string> factorIds)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(factorIds);
        var queues = factorIds
            .Distinct(StringComparer.Ordinal)
            .Select(factorId => new Queue<QuestionItem>(bank.Items.Where(item => item.FactorId == factorId)))
            .Where(queue => queue.Count > 0)
            .ToList();

        var selected = new List<string>(MaxFactorItems + 1);
        while (selected.Count < MaxFactorItems && queues.Any(queue => queue.Count > 0))
        {
            foreach (var queue in queues.Where(queue => queue.Count > 0))
            {
                if (selected.Count == MaxFactorItems)
                {
                    break;
                }

                selected.Add(queue.Dequeue().Id);
            }
        }

        selected.Add(bank.Overall.Id);
        return selected;
    }
}
