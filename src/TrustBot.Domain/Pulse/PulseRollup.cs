namespace TrustBot.Domain.Pulse;

/// <summary>
/// The anonymous results of one closed run, computed once when it closes so that summaries never
/// read individual answers again. Show its numbers only when <see cref="MeetsThreshold"/>.
/// </summary>
/// <param name="TeamId">The team the run belongs to.</param>
/// <param name="RunId">The run.</param>
/// <param name="OpensAt">When the run opened.</param>
/// <param name="ClosedAt">When it actually closed (early or on time).</param>
/// <param name="Invited">How many members were sent the card.</param>
/// <param name="Responded">How many answers were stored.</param>
/// <param name="AnonymityThreshold">k frozen on the run (never below <see cref="Anonymity.MinimumThreshold"/>).</param>
/// <param name="Items">Factor item id → stats (the overall item is in <paramref name="Overall"/>, not here).</param>
/// <param name="Factors">Factor id → stats pooled over the factor's items.</param>
/// <param name="Overall">Stats of the overall-trust item.</param>
/// <param name="HelpedPicks">Factor id → how many respondents said it helped trust; every factor is present, 0 when unpicked.</param>
/// <param name="HurtPicks">Factor id → how many respondents said it hurt trust; every factor is present, 0 when unpicked.</param>
public sealed record PulseRollup(
    string TeamId,
    string RunId,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosedAt,
    int Invited,
    int Responded,
    int AnonymityThreshold,
    IReadOnlyDictionary<string, ScoreStats> Items,
    IReadOnlyDictionary<string, ScoreStats> Factors,
    ScoreStats Overall,
    IReadOnlyDictionary<string, int> HelpedPicks,
    IReadOnlyDictionary<string, int> HurtPicks)
{
    /// <summary>Responded ÷ invited, from 0 to 1; 0 when nobody was invited.</summary>
    public double ParticipationRate => Invited == 0 ? 0 : (double)Responded / Invited;

    /// <summary>Whether enough people answered for any number of this run to be shown.</summary>
    public bool MeetsThreshold => Responded >= AnonymityThreshold;
}
