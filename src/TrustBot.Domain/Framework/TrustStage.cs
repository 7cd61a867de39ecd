namespace TrustBot.Domain.Framework;

/// <summary>
/// One of the five stages of the Trust Mastery Framework that TrustBot follows,
/// from noticing where trust stands to restoring it after an incident.
/// </summary>
/// <param name="Number">Position of the stage in the cycle, from 1.</param>
/// <param name="Name">Short name shown to users.</param>
/// <param name="Summary">What the team does in this stage, in one sentence.</param>
public sealed record TrustStage(int Number, string Name, string Summary)
{
    /// <summary>Awareness and diagnosis: anonymous pulse check-ins, interviews and GoSee observations.</summary>
    public static readonly TrustStage Awareness = new(1, "Awareness",
        "Short anonymous pulse check-ins show where trust stands today.");

    /// <summary>Defining trust: the team writes down what trust means to it.</summary>
    public static readonly TrustStage Definition = new(2, "Definition",
        "The team finishes the sentence \"On our team, trust means …\" and votes on a charter.");

    /// <summary>Factors: which behaviours build trust on this team and which erode it.</summary>
    public static readonly TrustStage Factors = new(3, "Factors",
        "Scores per factor show the strongest contributors and the biggest hindrances.");

    /// <summary>Actions: owned, dated action items aimed at a factor.</summary>
    public static readonly TrustStage Actions = new(4, "Actions",
        "Owned, dated action items target the weakest factors, and the bot checks whether they helped.");

    /// <summary>Recovery: a humane plan after an incident, until trust is back at baseline.</summary>
    public static readonly TrustStage Recovery = new(5, "Recovery",
        "After an incident, timed nudges guide the team back to its pre-incident baseline.");

    /// <summary>The five stages in the order the framework walks them.</summary>
    public static IReadOnlyList<TrustStage> All { get; } = [Awareness, Definition, Factors, Actions, Recovery];
}
