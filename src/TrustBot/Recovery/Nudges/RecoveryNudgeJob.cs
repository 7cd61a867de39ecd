using TrustBot.Teams;
using System.Collections.Concurrent;
using System.Globalization;
using TrustBot.Delivery;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Pulse;
using TrustBot.Scheduling;

namespace TrustBot.Recovery.Nudges;

/// <summary>
/// Does one step of an incident's recovery plan when it is due: queues the step's message to the
/// channel or to each lead, or opens the recovery pulse for the members. The incident is read
/// first, so a plan closed meanwhile (or an incident that is gone) does nothing; the messages
/// themselves are written when they are sent (<see cref="RecoveryNudgeComposer"/>).
/// </summary>
/// <remarks>
/// Repeatable: deliveries are recorded per batch and recipient, so queueing twice sends once (the
/// plan planned again after the fact sends nothing new), and the recovery pulse's run id is saved
/// as the job's progress, so a repeat after a crash carries on with that run instead of opening another.
/// </remarks>
public sealed partial class RecoveryNudgeJob(
    IIncidentStore incidents,
    ITeamStore teams,
    ITeamRosterStore rosters,
    TeamDirectory directory,
    RosterFanOut fanOut,
    PulseFanOut pulseFanOut,
    IPulseStore runs,
    PulseService pulses,
    ITeamScheduleStore schedules,
    IJobStore jobs,
    TimeProvider clock,
    ILogger<RecoveryNudgeJob> logger) : IJobHandler
{
    // How long a recovery pulse stays open, unless the team's next scheduled run opens sooner.
    private static readonly TimeSpan RecoveryPulseWindow = TimeSpan.FromDays(3);

    // The shortest a recovery pulse stays open.
    private static readonly TimeSpan ShortestRecoveryPulse = TimeSpan.FromDays(1);


    // Between the step's subject and the due time in a delivery's subject (incident ids never hold it).
    private const char DueSeparator = '@';

    /// <inheritdoc />
    public JobKind Kind => JobKind.RecoveryNudge;

    /// <summary>
    /// The subject of a step's deliveries: the job's subject and when it was due. A step can come
    /// again (a lead who keeps the plan going gets another baseline review later), and each time
    /// must be a delivery batch of its own, or the ledger would take it for the first one, sent already.
    /// </summary>
    public static string DeliverySubject(ScheduledJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return $"{job.Subject}{DueSeparator}{JobIds.DuePrefix(job.DueAt)}";
    }

    /// <summary>The incident, step and due time a delivery's subject names, or null when it names none.</summary>
    public static RecoveryNudgeDelivery? ReadDeliverySubject(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var separator = subject.LastIndexOf(DueSeparator);
        return separator > 0
            && RecoveryNudges.Parse(subject[..separator]) is var (incidentId, step)
            && DateTimeOffset.TryParseExact(subject[(separator + 1)..], JobIds.DueFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dueAt)
                ? new RecoveryNudgeDelivery(incidentId, step, dueAt)
                : null;
    }

    /// <inheritdoc />
    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (RecoveryNudges.Parse(job.Subject) is not var (incidentId, step))
        {
            LogUnreadableSubject(job.JobId);
            return;
        }

        var incident = await incidents.GetAsync(job.TeamId, incidentId, cancellationToken).ConfigureAwait(false);
        if (incident?.State != IncidentState.Active
            || await teams.GetTeamAsync(job.TeamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var subject = DeliverySubject(job);
        switch (RecoveryPlan.AudienceOf(step))
        {
            case RecoveryAudience.Channel when incident.Visibility == IncidentVisibility.Team:
                await fanOut.QueueToChannelAsync(team.Id, DeliveryKind.RecoveryNudge, subject, cancellationToken).ConfigureAwait(false);
                break;
            case RecoveryAudience.Channel or RecoveryAudience.Leads:
                var leads = await directory.LeadIdsAsync(team.Id, cancellationToken).ConfigureAwait(false);
                await fanOut.QueueAsync(team, leads, DeliveryKind.RecoveryNudge, subject, cancellationToken).ConfigureAwait(false);
                break;
            case RecoveryAudience.Members:
                await StartRecoveryPulseAsync(job, team, incident, subject, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// Opens the recovery pulse and queues its card to every member invited. When the team already
    /// has a run open, no second one is opened and this step sends nothing: the members are being
    /// asked already, and that run's answers count for the baseline review like any other.
    /// </summary>
    private async Task StartRecoveryPulseAsync(ScheduledJob job, Team team, Incident incident, string subject, CancellationToken cancellationToken)
    {
        var run = job.Progress is { } runId
            ? await runs.GetRunAsync(team.Id, runId, cancellationToken).ConfigureAwait(false)
            : await OpenRecoveryPulseAsync(job, team, incident, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return;
        }

        var invited = await runs.GetInvitedAsync(team.Id, run.RunId, cancellationToken).ConfigureAwait(false);
        // The card goes out as this step's nudge (it says why it comes); the reminder and the close are the run's own, as for any run.
        await fanOut.QueueAsync(team, [.. invited], DeliveryKind.RecoveryNudge, subject, cancellationToken).ConfigureAwait(false);
        await pulseFanOut.PlanRunJobsAsync(run, remind: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PulseRun?> OpenRecoveryPulseAsync(ScheduledJob job, Team team, Incident incident, CancellationToken cancellationToken)
    {
        var bank = await pulses.BankForAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var items = RecoveryPulseItems.Select(bank, incident.FactorIds);
        var newest = await runs.GetRecentRunsAsync(team.Id, 1, cancellationToken).ConfigureAwait(false);
        if (newest is [var latest] && latest.OpensAt >= job.DueAt)
        {
            // A run opened since the step came due: this job's own, when it stopped before saving its
            // progress (carry on with it); otherwise the members were asked already (the plan was planned
            // again after its pulse, or a scheduled run came first), and once is enough.
            if (latest.AcceptsAnswersAt(clock.GetUtcNow()) && latest.ItemIds.SequenceEqual(items, StringComparer.Ordinal))
            {
                await jobs.SaveProgressAsync(job with { Progress = latest.RunId }, cancellationToken).ConfigureAwait(false);
                return latest;
            }

            LogAskedSince(incident.Id, latest.RunId);
            return null;
        }

        var roster = await rosters.GetAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var window = await WindowAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var started = await pulses.StartRecoveryAsync(team, [.. roster.Select(entry => entry.Member)], items, window, cancellationToken).ConfigureAwait(false);
        if (started.Started is not { } run)
        {
            if (started.AlreadyOpen is { } open)
            {
                LogRunAlreadyOpen(incident.Id, open.RunId);
            }
            else
            {
                LogNobodyToAsk(incident.Id);
            }

            return null;
        }

        await jobs.SaveProgressAsync(job with { Progress = run.RunId }, cancellationToken).ConfigureAwait(false);
        return run;
    }

    // Three days, but closed when the team's next scheduled run opens, which would otherwise find
    // it open and be skipped; never shorter than a day, though (a check-in open for an hour would
    // reach too few), so a scheduled run due within the day is skipped as for a lead's own run.
    private async Task<TimeSpan> WindowAsync(string teamId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var schedule = await schedules.GetAsync(teamId, cancellationToken).ConfigureAwait(false);
        return schedule is not null && ScheduleCalendar.NextRuns(schedule, now, 1) is [var next] && next - now < RecoveryPulseWindow
            ? TimeSpan.FromTicks(Math.Max((next - now).Ticks, ShortestRecoveryPulse.Ticks))
            : RecoveryPulseWindow;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery nudge job {JobId} names no incident and step; nothing was sent.")]
    private partial void LogUnreadableSubject(string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId}: the members were asked in run {RunId} since the step was due; no second recovery pulse.")]
    private partial void LogAskedSince(string incidentId, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId}: run {RunId} is open, so no recovery pulse was added; its answers count for the baseline review.")]
    private partial void LogRunAlreadyOpen(string incidentId, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId}: nobody on the team's roster to send the recovery pulse to.")]
    private partial void LogNobodyToAsk(string incidentId);
}

/// <summary>What a recovery nudge delivery is about (see <see cref="RecoveryNudgeJob.DeliverySubject"/>).</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Step">The step of its plan.</param>
/// <param name="DueAt">When the step's job was due (to the second).</param>
public sealed record RecoveryNudgeDelivery(string IncidentId, RecoveryStep Step, DateTimeOffset DueAt);
