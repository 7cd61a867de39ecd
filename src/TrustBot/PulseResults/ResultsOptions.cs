using System.ComponentModel.DataAnnotations;

namespace TrustBot.PulseResults;

/// <summary>How a closed pulse's results go back to the members (configuration section <c>Results</c>).</summary>
public sealed class ResultsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Results";

    /// <summary>
    /// How long after a pulse closes the leads have to add a "what we will do" line before the
    /// results go to the members without one.
    /// </summary>
    [Range(1, 168, ErrorMessage = "Results:LeadLineWaitHours must be between 1 and 168 (a week).")]
    public int LeadLineWaitHours { get; set; } = 24;

    /// <summary><see cref="LeadLineWaitHours"/> as a time span.</summary>
    public TimeSpan LeadLineWait => TimeSpan.FromHours(LeadLineWaitHours);
}
