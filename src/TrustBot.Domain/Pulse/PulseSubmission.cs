namespace TrustBot.Domain.Pulse;

/// <summary>What a member sends from the pulse card, before it is checked and stored.</summary>
/// <param name="RunId">The run the card belongs to (from card data: check it with <see cref="PulseRunIds.IsWellFormed"/> first).</param>
/// <param name="Scores">Item id → the point chosen on the 1–5 scale, as answered.</param>
/// <param name="Helped">Factor ids the member says helped trust lately.</param>
/// <param name="Hurt">Factor ids the member says hurt trust lately.</param>
/// <param name="Comment">The optional free-text comment.</param>
public sealed record PulseSubmission(
    string RunId,
    IReadOnlyDictionary<string, int> Scores,
    IReadOnlyList<string> Helped,
    IReadOnlyList<string> Hurt,
    string? Comment)
{
    /// <summary>The anonymous answer to store: scores, picks and the comment (null when blank) as given.</summary>
    public PulseAnswer ToAnswer() => new(Scores, Helped, Hurt, string.IsNullOrEmpty(Comment) ? null : Comment);
}
