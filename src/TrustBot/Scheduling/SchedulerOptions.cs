using System.ComponentModel.DataAnnotations;

namespace TrustBot.Scheduling;

/// <summary>How the planner runs due jobs (configuration section <c>Scheduler</c>).</summary>
public sealed class SchedulerOptions : IValidatableObject
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

    /// <summary>The most jobs of one team one tick runs, so one team's backlog never fills a tick.</summary>
    [Range(1, 1000, ErrorMessage = "Scheduler:MaxJobsPerTeamPerTick must be between 1 and 1000.")]
    public int MaxJobsPerTeamPerTick { get; set; } = 10;

    /// <summary>How many times a job may fail before it is given up (recorded in <c>JobFailures</c>).</summary>
    [Range(1, 100, ErrorMessage = "Scheduler:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a job waits after its first failure; each further failure doubles it, up to <see cref="MaxRetryBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Scheduler:RetryBackoff must be between 00:00:01 and 01:00:00.")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest a failed job waits before it is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Scheduler:MaxRetryBackoff must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a job waits after its <paramref name="attempts"/>-th failure: <see cref="RetryBackoff"/> doubled each time, capped.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        // Doubling past 2^20 overflows nothing the cap does not already hold.
        var doubled = RetryBackoff * Math.Pow(2, Math.Min(attempts - 1, 20));
        return doubled < MaxRetryBackoff ? doubled : MaxRetryBackoff;
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryBackoff < RetryBackoff)
        {
            yield return new ValidationResult(
                "Scheduler:MaxRetryBackoff must be at least Scheduler:RetryBackoff.",
                [nameof(MaxRetryBackoff), nameof(RetryBackoff)]);
        }
    }
}
