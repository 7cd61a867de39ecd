using System.Text.Json.Nodes;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Teams;

namespace TrustBot.Scheduling;

/// <summary>
/// Leads set when the team's pulse check-ins open by themselves: cadence, weekday, local time,
/// time zone, how long each run stays open and whether non-responders get a reminder. Saving plans
/// the next run and shows when the next few open.
/// </summary>
public sealed partial class ScheduleDialog(
    TeamDirectory directory,
    ITeamScheduleStore schedules,
    PulseScheduler scheduler,
    TimeProvider clock,
    ILogger<ScheduleDialog> logger) : IDialog
{
    /// <summary>How many upcoming opening times the confirmation shows.</summary>
    public const int RunsShown = 3;

    /// <inheritdoc />
    public void DeclareRoutes(DialogRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Command(BotCommands.Schedule, ShowAsync)
            .Verb(ScheduleCard.SaveVerb, SaveAsync);
    }

    private async Task ShowAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var current = await schedules.GetAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var form = current is null ? ScheduleRules.Defaults(turn.Sender.ReportedTimeZone) : ScheduleInput.Of(current);
        var card = ScheduleCard.Build(team, form, hasSchedule: current is not null);
        await turn.ReplyAsync(card, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> SaveAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        if (ScheduleCardData.ReadSave(data) is not { } submit)
        {
            return Problem("This card can't be used", $"Its data isn't what I sent, so nothing changed. Type {BotCommands.Schedule.Text} to get a fresh card.");
        }

        var team = await directory.FindLedTeamAsync(turn.MemberId, submit.TeamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            Log.Refused(logger, submit.TeamId);
            return Problem("Nothing changed", "Only a lead of the team can change its pulse schedule, and this card is for a team you don't lead.");
        }

        var current = await schedules.GetAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var check = ScheduleRules.Check(team.Id, submit.Input, now, current);
        if (check.Schedule is not { } schedule)
        {
            return ScheduleCard.Build(team, submit.Input, hasSchedule: current is not null, check.Problems);
        }

        var saved = await schedules.SaveAsync(schedule, cancellationToken).ConfigureAwait(false);
        await scheduler.PlanNextRunAsync(saved, cancellationToken).ConfigureAwait(false);
        Log.Saved(logger, team.Id, saved.Revision, saved.Cadence);
        return ScheduleCard.BuildSaved(team, saved, ScheduleCalendar.NextRuns(saved, now, RunsShown));
    }

    private static AdaptiveCard Problem(string title, string message) =>
        NoticeCard.Build(title, message, isProblem: true);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId} saved schedule revision {Revision}: {Cadence}")]
        public static partial void Saved(ILogger logger, string teamId, int revision, ScheduleCadence cadence);

        [LoggerMessage(Level = LogLevel.Warning, Message = "A schedule card for team {TeamId} was refused: the sender does not lead that team")]
        public static partial void Refused(ILogger logger, string teamId);
    }
}
