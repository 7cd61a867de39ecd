namespace TrustBot.Teams.Retention;

/// <summary>How long TrustBot keeps a team's data after it is removed (configuration section <c>Retention</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Retention";

    /// <summary>The longest <see cref="AfterUninstall"/> allowed: data kept longer than a year is not "kept in case".</summary>
    public static readonly TimeSpan MaxAfterUninstall = TimeSpan.FromDays(365);

    /// <summary>
    /// How long a removed team's data (charter, pulse history, actions, incidents, observations) is
    /// kept, so that installing TrustBot again within it brings the history back; then it is
    /// deleted. Default 30 days; zero deletes it at the planner's next tick.
    /// </summary>
    public TimeSpan AfterUninstall { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Whether <see cref="AfterUninstall"/> is between zero and <see cref="MaxAfterUninstall"/>.</summary>
    public bool IsValid() => AfterUninstall >= TimeSpan.Zero && AfterUninstall <= MaxAfterUninstall;
}
