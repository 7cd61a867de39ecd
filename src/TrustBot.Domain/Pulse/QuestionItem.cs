namespace TrustBot.Domain.Pulse;

/// <summary>One statement of the question bank that members rate on the <see cref="LikertScale"/>.</summary>
/// <param name="Id">Short stable id such as "safety.1"; answers and roll-ups refer to it.</param>
/// <param name="FactorId">The <see cref="TrustFactor"/> it measures (see <see cref="TrustFactors.FindMeasured"/>), or <see cref="OverallFactorId"/>.</param>
/// <param name="Text">The statement as shown on the card.</param>
/// <param name="IsReverseScored">
/// True when agreeing signals less trust ("It is difficult to ask … for help."), so the point is
/// flipped before it is averaged.
/// </param>
/// <param name="Version">Bumped when the wording changes in meaning, so old answers are not mixed with new ones unnoticed.</param>
/// <param name="Source">The instrument or model the item comes from.</param>
public sealed record QuestionItem(string Id, string FactorId, string Text, bool IsReverseScored, int Version, string Source)
{
    /// <summary>The factor id of the overall-trust item, which belongs to no single factor.</summary>
    public const string OverallFactorId = "overall";

    /// <summary>Whether this is the overall-trust item asked at the end of every pulse.</summary>
    public bool IsOverall => FactorId == OverallFactorId;

    /// <summary>Whether this is the item on living by the team's trust charter, asked only once the team has one.</summary>
    public bool IsCharter => FactorId == CharterMeasure.InUse.Id;
}
