using System.ComponentModel.DataAnnotations;

namespace TrustBot.Scheduling;

/// <summary>How the planner runs due jobs (configuration section <c>Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Scheduler";

    /// <summary>Whether this instance contends for the planner lease at all (tests drive the planner by hand).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the planner looks for due jobs; the issue asks for at least once a minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Scheduler:PlanInterval must be between 00:00:01 and 00:01:00.")]
    public TimeSpan PlanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most jobs one tick runs; the rest wait for the next tick.</summary>
    [Range(1, 1000, ErrorMessage = "Scheduler:MaxJobsPerTick must be between 1 and 1000.")]
    public int MaxJobsPerTick { get; set; } = 100;
}
