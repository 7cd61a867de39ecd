namespace TrustBot.Domain.Pulse;

/// <summary>
/// Chooses the items of the next pulse so that, like a question queue, every item is asked once
/// before any is asked twice, and the factors take turns so that each is covered over
/// consecutive runs (the six interpersonal factors and the two structural ones of the built-in
/// bank: with five items a run, all eight in the first two runs, and in every four consecutive
/// runs, because safety has seven items to the others' three or four).
/// A team with a trust charter is also asked the charter item, every run.
/// </summary>
public static class PulseItemSelector
{
    /// <summary>The fewest factor items a pulse asks.</summary>
    public const int MinFactorItems = 4;

    /// <summary>The most factor items a pulse asks: a pulse should take a minute, not ten.</summary>
    public const int MaxFactorItems = 6;

    /// <summary>
    /// The item ids of the next run: <paramref name="factorItemCount"/> factor items (clamped to
    /// 4–6, fewer only when the bank has fewer), then the charter item when
    /// <paramref name="hasCharter"/> (and the bank has one), then the overall item last.
    /// </summary>
    /// <remarks>
    /// Items are taken one at a time, each time the first by: fewest times asked in
    /// <paramref name="recentRuns"/>; fewest items already taken from its factor for this run;
    /// its factor asked least recently; the item asked least recently; interpersonal factors before
    /// structural ones (so a team's first pulse is about the people, the second brings in how the
    /// team is led and assessed); then id (ordinal). The
    /// once-before-twice promise holds over the runs passed in, so pass at least one full cycle:
    /// the bank's item count divided by the items per run, rounded up.
    /// </remarks>
    /// <param name="bank">The bank to draw from.</param>
    /// <param name="recentRuns">The team's earlier runs, in any order; items the bank no longer has are ignored.</param>
    /// <param name="factorItemCount">How many factor items to ask.</param>
    /// <param name="hasCharter">Whether the team has a trust charter: its pulses ask whether the team lives by it.</param>
    public static IReadOnlyList<string> Select(QuestionBank bank, IEnumerable<PulseRun> recentRuns, int factorItemCount = 5, bool hasCharter = false)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(recentRuns);
        var count = Math.Clamp(factorItemCount, MinFactorItems, MaxFactorItems);
        var history = AskHistory.Of(recentRuns, bank);

        var candidates = bank.Items.ToList();
        var takenPerFactor = new Dictionary<string, int>(StringComparer.Ordinal);
        var selected = new List<string>(count + 1);
        while (selected.Count < count && candidates.Count > 0)
        {
            var next = candidates
                .OrderBy(i => history.TimesAsked(i.Id))
                .ThenBy(i => takenPerFactor.GetValueOrDefault(i.FactorId))
                .ThenBy(i => history.FactorLastAsked(i.FactorId))
                .ThenBy(i => history.ItemLastAsked(i.Id))
                .ThenBy(i => TrustFactors.Find(i.FactorId) is null)
                .ThenBy(i => i.Id, StringComparer.Ordinal)
                .First();
            candidates.Remove(next);
            takenPerFactor[next.FactorId] = takenPerFactor.GetValueOrDefault(next.FactorId) + 1;
            selected.Add(next.Id);
        }

        if (hasCharter && bank.Charter is { } charter)
        {
            selected.Add(charter.Id);
        }

        selected.Add(bank.Overall.Id);
        return selected;
    }

    /// <summary>How often and how lately each item and each factor was asked.</summary>
    private sealed class AskHistory
    {
        private readonly Dictionary<string, int> _timesAsked = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> _itemLastAsked = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> _factorLastAsked = new(StringComparer.Ordinal);

        public static AskHistory Of(IEnumerable<PulseRun> runs, QuestionBank bank)
        {
            var history = new AskHistory();
            foreach (var run in runs)
            {
                // Distinct: a run lists an item once, but a corrupt run must not count it twice.
                foreach (var item in run.ItemIds.Distinct(StringComparer.Ordinal).Select(bank.Find).OfType<QuestionItem>())
                {
                    history._timesAsked[item.Id] = history.TimesAsked(item.Id) + 1;
                    Advance(history._itemLastAsked, item.Id, run.OpensAt);
                    Advance(history._factorLastAsked, item.FactorId, run.OpensAt);
                }
            }

            return history;
        }

        public int TimesAsked(string itemId) => _timesAsked.GetValueOrDefault(itemId);

        /// <summary>When the item was last asked; never counts as longest ago.</summary>
        public DateTimeOffset ItemLastAsked(string itemId) => _itemLastAsked.GetValueOrDefault(itemId, DateTimeOffset.MinValue);

        /// <summary>When any item of the factor was last asked; never counts as longest ago.</summary>
        public DateTimeOffset FactorLastAsked(string factorId) => _factorLastAsked.GetValueOrDefault(factorId, DateTimeOffset.MinValue);

        private static void Advance(Dictionary<string, DateTimeOffset> lastAsked, string key, DateTimeOffset askedAt)
        {
            if (askedAt > lastAsked.GetValueOrDefault(key, DateTimeOffset.MinValue))
            {
                lastAsked[key] = askedAt;
            }
        }
    }
}
