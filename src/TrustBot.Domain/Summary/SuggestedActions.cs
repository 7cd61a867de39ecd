using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Summary;

/// <summary>
/// The "what to do next" line of the summary: one small, concrete step a lead can take this week
/// for the weakest factor, phrased as an invitation rather than a verdict on the team.
/// </summary>
public static class SuggestedActions
{
    private static readonly Dictionary<string, string> ByFactorId = new(StringComparer.Ordinal)
    {
        [TrustFactors.Reliability.Id] =
            "Agree one visible commitment per person for the next sprint and review it together at the end.",
        [TrustFactors.Competence.Id] =
            "Pair people up for an hour this week to share one skill the team leans on, and ask where anyone would like support.",
        [TrustFactors.Openness.Id] =
            "Open the next team meeting with five minutes for each person to name one risk or concern, and thank whoever raises one.",
        [TrustFactors.Care.Id] =
            "Ask each person one to one how their workload feels right now, and act on one thing you hear.",
        [TrustFactors.Integrity.Id] =
            "Write down with the team two principles you all want to keep to, and notice out loud when someone keeps them.",
        [TrustFactors.PsychologicalSafety.Id] =
            "In the next retro, share a mistake of your own first and what you learned from it, then invite others to do the same.",
    };

    /// <summary>The suggested next step for the factor.</summary>
    /// <param name="factor">One of <see cref="TrustFactors.All"/>.</param>
    /// <exception cref="ArgumentException">The factor is not one TrustBot measures.</exception>
    public static string For(TrustFactor factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        return ByFactorId.TryGetValue(factor.Id, out var action)
            ? action
            : throw new ArgumentException($"\"{factor.Id}\" is not a trust factor TrustBot measures.", nameof(factor));
    }
}
