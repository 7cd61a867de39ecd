namespace TrustBot.Domain.Scheduling;

/// <summary>Each team's pulse schedule (one record per team).</summary>
public interface ITeamScheduleStore
{
    /// <summary>The team's schedule, or null when none was ever saved.</summary>
    Task<TeamSchedule?> GetAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="schedule"/> as the next revision (the stored revision + 1, or 1 for
    /// the first) and returns what was stored. Saves that race are both applied, one after the
    /// other: the later one wins and carries the higher revision.
    /// </summary>
    Task<TeamSchedule> SaveAsync(TeamSchedule schedule, CancellationToken cancellationToken);
}
