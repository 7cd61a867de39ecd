namespace TrustBot.Domain.Pulse;

/// <summary>
/// The structural factors of trust the framework names in stage 3 ("structural elements, for
/// example leadership style or performance assessment system"): conditions the organisation sets
/// rather than behaviours between teammates. Pulses measure them and the summary shows them on
/// lines of their own, but they are not among <see cref="TrustFactors.All"/>: they do not count in
/// the trust index, members do not pick them as having helped or hurt, and incidents and action
/// items keep to the six interpersonal factors (a breach between people is repaired between people;
/// a lead who wants to act on a structural score writes an action for the interpersonal factor it
/// plays out in).
/// </summary>
public static class StructuralFactors
{
    /// <summary>How the people who lead the team decide, explain and treat people (leader inclusiveness, interpersonal and informational justice).</summary>
    public static readonly TrustFactor Leadership = new("leadership", "Leadership style",
        "The people who lead this team ask for our views, explain their decisions and treat everyone with respect.");

    /// <summary>Whether the way work is assessed is consistent, accurate and fair (procedural and distributive justice).</summary>
    public static readonly TrustFactor Assessment = new("assessment", "Fair assessment",
        "How our performance is assessed is consistent, based on accurate information, and fair to the work we do.");

    /// <summary>Every structural factor, in the order cards show them.</summary>
    public static IReadOnlyList<TrustFactor> All { get; } = [Leadership, Assessment];

    /// <summary>The structural factor with the id (exact, case-sensitive), or null when there is none.</summary>
    /// <param name="id">A factor id such as "leadership".</param>
    public static TrustFactor? Find(string id) => All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));
}

/// <summary>
/// Whether the team lives by the trust charter it wrote in stage 2: measured by one item that
/// pulses ask once the team has a charter, and shown in the summary on its own line. Like the
/// structural factors it is not one of <see cref="TrustFactors.All"/>.
/// </summary>
public static class CharterMeasure
{
    /// <summary>The measure, shown as "Living our charter".</summary>
    public static readonly TrustFactor InUse = new("charter", "Living our charter",
        "People on this team act by the trust charter we agreed on.");
}
