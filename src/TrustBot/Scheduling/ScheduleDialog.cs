using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
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
    public IReadOnlyList<BotCommand> Commands => [BotCommands.Schedule];

    /// <inheritdoc />
    public IReadOnlyList<string> Verbs => [ScheduleCard.SaveVerb];

    /// <inheritdoc />
    public async Task OnCommandAsync(ITurnContext<IMessageActivity> turn, BotCommand command, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var current = await schedules.GetAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var form = current is null ? ScheduleRules.Defaults(SenderTimeZoneOf(turn.Activity)) : ScheduleInput.Of(current);
        var card = ScheduleCard.Build(team, form, hasSchedule: current is not null);
        await turn.SendActivityAsync(MessageFactory.Attachment(card.ToAttachment()), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AdaptiveCardInvokeResponse> OnVerbAsync(ITurnContext<IInvokeActivity> turn, AdaptiveCardInvokeValue invoke, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(invoke);
        if (ScheduleCardData.ReadSave(invoke.Action?.Data) is not { } submit)
        {
            return Problem("This card can't be used", $"Its data isn't what I sent, so nothing changed. Type {BotCommands.Schedule.Text} to get a fresh card.");
        }

        var team = await directory.FindLedTeamAsync(ActivityIdentity.MemberIdOf(turn.Activity), submit.TeamId, cancellationToken).ConfigureAwait(false);
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
            return ScheduleCard.Build(team, submit.Input, hasSchedule: current is not null, check.Problems).ToInvokeResponse();
        }

        var saved = await schedules.SaveAsync(schedule, cancellationToken).ConfigureAwait(false);
        await scheduler.PlanNextRunAsync(saved, cancellationToken).ConfigureAwait(false);
        Log.Saved(logger, team.Id, saved.Revision, saved.Cadence);
        return ScheduleCard.BuildSaved(team, saved, ScheduleCalendar.NextRuns(saved, now, RunsShown)).ToInvokeResponse();
    }

    /// <summary>
    /// The IANA time zone the sender's Teams client reports: the activity's <c>localTimezone</c>, or
    /// the <c>timezone</c> of its <c>clientInfo</c> entity; null when neither is there.
    /// </summary>
    public static string? SenderTimeZoneOf(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if ((activity as Activity)?.LocalTimezone is { Length: > 0 } localTimezone)
        {
            return localTimezone;
        }

        return activity.Entities?.FirstOrDefault(entity => entity.Type == "clientInfo")?.Properties?["timezone"] is JValue { Type: JTokenType.String } timezone
            ? (string?)timezone
            : null;
    }

    private static AdaptiveCardInvokeResponse Problem(string title, string message) =>
        NoticeCard.Build(title, message, isProblem: true).ToInvokeResponse();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId} saved schedule revision {Revision}: {Cadence}")]
        public static partial void Saved(ILogger logger, string teamId, int revision, ScheduleCadence cadence);

        [LoggerMessage(Level = LogLevel.Warning, Message = "A schedule card for team {TeamId} was refused: the sender does not lead that team")]
        public static partial void Refused(ILogger logger, string teamId);
    }
}
