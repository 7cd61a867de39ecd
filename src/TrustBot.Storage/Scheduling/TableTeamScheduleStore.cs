using TrustBot.Domain.Scheduling;

namespace TrustBot.Storage.Scheduling;

/// <summary>
/// <see cref="ITeamScheduleStore"/> over the table <c>Schedules</c>: partition = team, one row, so a
/// team's schedule is one point read and goes with the team's other data when it is deleted.
/// </summary>
public sealed class TableTeamScheduleStore : ITeamScheduleStore
{
    internal const string SchedulesTable = "Schedules";

    private readonly RecordTable<TeamSchedule> _schedules;

    /// <summary>Uses the registered <c>Schedules</c> table.</summary>
    public TableTeamScheduleStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _schedules = new RecordTable<TeamSchedule>(tables.Get(SchedulesTable), new TeamScheduleMapper());
    }

    /// <inheritdoc />
    public async Task<TeamSchedule?> GetAsync(string teamId, CancellationToken cancellationToken) =>
        (await _schedules.GetAsync(TableKey.Encode(teamId), TeamScheduleMapper.RowKey, cancellationToken).ConfigureAwait(false))?.Value;

    /// <inheritdoc />
    /// <remarks>
    /// The revision is read and written under the row's ETag (an insert when there is no row yet),
    /// so two saves never carry the same revision: the one that loses the race reads again and
    /// goes after the winner.
    /// </remarks>
    public async Task<TeamSchedule> SaveAsync(TeamSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        TeamSchedule? saved = null;
        await OptimisticRetry.RunAsync(
            async token =>
            {
                var stored = await _schedules.GetAsync(TableKey.Encode(schedule.TeamId), TeamScheduleMapper.RowKey, token).ConfigureAwait(false);
                var next = schedule with { Revision = (stored?.Value.Revision ?? 0) + 1 };
                var written = stored is null
                    ? await _schedules.InsertAsync(next, token).ConfigureAwait(false)
                    : await _schedules.ReplaceAsync(stored with { Value = next }, token).ConfigureAwait(false);
                saved = written.Succeeded ? next : null;
                return written.Conflict;
            },
            $"the schedule of team {schedule.TeamId}",
            cancellationToken).ConfigureAwait(false);
        return saved!;
    }
}
