namespace TrustBot.Domain.Pulse;

/// <summary>
/// One pulse check-in of a team: the items asked, when it is open, and the anonymity threshold
/// frozen when it opened (changing the setting later never reveals a past run).
/// </summary>
/// <param name="TeamId">The team the run belongs to.</param>
/// <param name="RunId">Unique within the team; see <see cref="PulseRunIds"/>.</param>
/// <param name="ItemIds">The items asked, in card order; the overall-trust item is always last.</param>
/// <param name="OpensAt">When it opened.</param>
/// <param name="ClosesAt">When it closes (answers after this are refused).</param>
/// <param name="State">Open, or closed and rolled up.</param>
/// <param name="AnonymityThreshold">k: the fewest respondents any number from this run is shown for.</param>
/// <param name="InvitedCount">How many members the card was sent to.</param>
public sealed record PulseRun(
    string TeamId,
    string RunId,
    IReadOnlyList<string> ItemIds,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    PulseRunState State,
    int AnonymityThreshold,
    int InvitedCount)
{
    /// <summary>Whether answers are accepted at <paramref name="now"/>.</summary>
    public bool AcceptsAnswersAt(DateTimeOffset now) => State == PulseRunState.Open && now < ClosesAt;

    /// <summary>
    /// When members who have not answered are reminded: a day before it closes, or halfway through
    /// a window shorter than two days (a reminder an hour after the card would only nag).
    /// </summary>
    public DateTimeOffset RemindAt()
    {
        var window = ClosesAt - OpensAt;
        return ClosesAt - (window >= TimeSpan.FromDays(2) ? TimeSpan.FromDays(1) : window / 2);
    }
}

/// <summary>The life of a pulse run.</summary>
public enum PulseRunState
{
    /// <summary>Accepting answers until it closes.</summary>
    Open,

    /// <summary>Closed and rolled up; answers are no longer accepted.</summary>
    Closed,
}

/// <summary>
/// An anonymous answer to a pulse: scores per item, the helped/hurt picks and the optional comment.
/// It carries no member. Stored sealed (<see cref="AnswerSeal"/>) while its run is open; at the
/// close the comment is parted from the scores (see docs/threat-model.md).
/// </summary>
/// <param name="Scores">Item id → the point chosen on the 1–5 scale, as answered (not reverse-scored).</param>
/// <param name="Helped">Factor ids the member says helped trust lately.</param>
/// <param name="Hurt">Factor ids the member says hurt trust lately.</param>
/// <param name="Comment">The free-text comment; null when there is none.</param>
public sealed record PulseAnswer(
    IReadOnlyDictionary<string, int> Scores,
    IReadOnlyList<string> Helped,
    IReadOnlyList<string> Hurt,
    string? Comment = null);
