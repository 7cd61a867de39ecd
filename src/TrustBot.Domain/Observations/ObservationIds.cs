using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Observations;

/// <summary>
/// Observation ids sort newest first as ordinal strings, so a team's latest observations are the
/// first rows of a range scan. They have exactly the shape of <see cref="PulseRunIds"/> (inverted
/// ticks and entropy), whose rules they reuse rather than repeat.
/// </summary>
public static class ObservationIds
{
    /// <summary>A new id for an observation logged at <paramref name="loggedAt"/>.</summary>
    /// <param name="loggedAt">When it is logged; later observations get ids that sort earlier.</param>
    /// <param name="entropy">A fresh GUID, so two observations logged at the same tick still differ.</param>
    public static string New(DateTimeOffset loggedAt, Guid entropy) => PulseRunIds.New(loggedAt, entropy);

    /// <summary>Whether the text has exactly the shape <see cref="New"/> produces.</summary>
    /// <param name="id">Text claimed to be an observation id.</param>
    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) => PulseRunIds.IsWellFormed(id);
}
