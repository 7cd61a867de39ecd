namespace TrustBot.Domain.Pulse;

/// <summary>
/// One ingredient of trust that pulse items measure and that members pick as having helped or
/// hurt trust lately (stage 3 of the framework: which behaviours build trust and which erode it).
/// </summary>
/// <param name="Id">Short stable id, stored with items, picks and action items.</param>
/// <param name="Name">Name shown to users.</param>
/// <param name="Description">What the factor means, in one plain sentence for a team member.</param>
public sealed record TrustFactor(string Id, string Name, string Description);

/// <summary>
/// The six trust factors TrustBot measures: reliability and openness from the Trust Equation
/// (Maister, Green and Galford, 2000), competence, care and integrity from the ability,
/// benevolence and integrity model (Mayer, Davis and Schoorman, 1995), and psychological safety
/// (Edmondson, 1999).
/// </summary>
public static class TrustFactors
{
    /// <summary>Doing what we said we would, when we said we would.</summary>
    public static readonly TrustFactor Reliability = new("reliability", "Reliability",
        "People on this team do what they say they will, when they say they will.");

    /// <summary>Having the skills and judgement to do one's part well (Mayer et al.'s ability).</summary>
    public static readonly TrustFactor Competence = new("competence", "Competence",
        "People on this team have the skills and judgement to do their part well.");

    /// <summary>Sharing information, ideas and concerns honestly and early.</summary>
    public static readonly TrustFactor Openness = new("openness", "Openness",
        "People on this team share information, ideas and concerns honestly and early.");

    /// <summary>Looking out for each other (Mayer et al.'s benevolence).</summary>
    public static readonly TrustFactor Care = new("care", "Care",
        "People on this team look out for each other, not only for themselves.");

    /// <summary>Being honest and keeping to principles the team shares.</summary>
    public static readonly TrustFactor Integrity = new("integrity", "Integrity",
        "People on this team are honest and keep to principles the whole team shares.");

    /// <summary>Being able to speak up, ask for help and admit mistakes without fear (Edmondson).</summary>
    public static readonly TrustFactor PsychologicalSafety = new("safety", "Psychological safety",
        "People on this team can speak up, ask for help and admit mistakes without fear.");

    /// <summary>Every factor, in the order cards and summaries show them.</summary>
    public static IReadOnlyList<TrustFactor> All { get; } = [Reliability, Competence, Openness, Care, Integrity, PsychologicalSafety];

    /// <summary>The factor with the id (exact, case-sensitive), or null when there is none.</summary>
    /// <param name="id">A factor id such as "reliability".</param>
    public static TrustFactor? Find(string id) => All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// Anything a pulse item can measure besides overall trust: one of <see cref="All"/>, of
    /// <see cref="StructuralFactors.All"/>, or <see cref="CharterMeasure.InUse"/>; null for any other id.
    /// </summary>
    /// <param name="id">A factor id such as "leadership".</param>
    public static TrustFactor? FindMeasured(string id) =>
        Find(id) ?? StructuralFactors.Find(id) ?? (string.Equals(id, CharterMeasure.InUse.Id, StringComparison.Ordinal) ? CharterMeasure.InUse : null);
}
