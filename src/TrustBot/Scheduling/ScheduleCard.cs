using System.Globalization;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;

namespace TrustBot.Scheduling;

/// <summary>
/// The card on which a lead sets when the team's pulse check-ins open by themselves, and the card
/// that confirms it with the next opening times in the team's own time zone.
/// </summary>
public static class ScheduleCard
{
    /// <summary>The verb of the save button.</summary>
    public const string SaveVerb = "schedule.save";

    // Monday first, as a working week reads.
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Builds the card to set the schedule.</summary>
    /// <param name="team">The team the schedule is for.</param>
    /// <param name="form">What to fill the inputs with: the stored schedule, the defaults, or what was sent when it was refused.</param>
    /// <param name="hasSchedule">Whether the team has a saved schedule (otherwise the card says these are suggestions).</param>
    /// <param name="problems">Why the last save was refused, shown on top.</param>
    public static AdaptiveCard Build(Team team, ScheduleInput form, bool hasSchedule, IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(form);
        List<CardElement> body =
        [
            CardBlocks.Heading(team.Name is null ? "Pulse schedule" : $"Pulse schedule: {team.Name}"),
            new TextBlock(hasSchedule
                ? "When pulse check-ins open by themselves: every member gets one in their 1:1 chat at this time, in the team's time zone."
                : $"No schedule yet: pulses start only when a lead types {BotCommands.StartPulse.Text}. Here is a suggestion to adjust and save.")
            {
                IsSubtle = true,
            },
        ];

        if (problems is { Count: > 0 })
        {
            body.Add(CardBlocks.Problems(problems));
        }

        body.Add(new ChoiceSetInput(ScheduleCardData.CadenceInput,
        [
            new Choice("Every week", nameof(ScheduleCadence.Weekly)),
            new Choice("Every two weeks", nameof(ScheduleCadence.Fortnightly)),
            new Choice("Every month, on the first of the weekday below", nameof(ScheduleCadence.Monthly)),
            new Choice($"Off: pulses start only when a lead types {BotCommands.StartPulse.Text}", nameof(ScheduleCadence.Off)),
        ])
        {
            Label = "How often?",
            Style = ChoiceInputStyle.Expanded,
            Value = form.Cadence,
            IsRequired = true,
            ErrorMessage = "Please pick how often pulses open, or Off.",
        });
        body.Add(new ChoiceSetInput(ScheduleCardData.DayInput, [.. Weekdays.Select(day => new Choice(day.ToString(), day.ToString()))])
        {
            Label = "On",
            Value = form.Day,
            IsRequired = true,
            ErrorMessage = "Please pick the weekday pulses open on.",
        });
        body.Add(new TextInput(ScheduleCardData.TimeInput)
        {
            Label = "At (24-hour time, HH:mm)",
            Placeholder = "09:00",
            Value = form.Time,
            MaxLength = 5,
            IsRequired = true,
            ErrorMessage = "Please give the time pulses open, e.g. 09:00.",
        });
        body.AddRange(TimeZoneInputs(form.TimeZoneId));
        body.Add(new NumberInput(ScheduleCardData.WindowInput)
        {
            Label = FormattableString.Invariant($"Days each pulse stays open ({ScheduleRules.MinWindowDays} to {ScheduleRules.MaxWindowDays})"),
            Min = ScheduleRules.MinWindowDays,
            Max = ScheduleRules.MaxWindowDays,
            Value = double.TryParse(form.WindowDays, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) ? days : null,
        });
        body.Add(new ToggleInput(ScheduleCardData.RemindersInput, "Remind members who haven't answered, once, before it closes")
        {
            Value = form.Reminders ? "true" : "false",
        });

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Save schedule", SaveVerb) { Data = ScheduleCardData.ForSave(team.Id), Style = ActionStyle.Positive }],
        };
    }

    /// <summary>Builds the confirmation: the schedule in words and when the next runs open, in the team's time zone.</summary>
    /// <param name="team">The team.</param>
    /// <param name="saved">The schedule as stored.</param>
    /// <param name="nextRuns">The next opening times (UTC), at most a few.</param>
    public static AdaptiveCard BuildSaved(Team team, TeamSchedule saved, IReadOnlyList<DateTimeOffset> nextRuns)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(nextRuns);
        if (saved.Cadence == ScheduleCadence.Off)
        {
            return new AdaptiveCard
            {
                Body =
                [
                    CardBlocks.Heading("Scheduled pulses are off"),
                    new TextBlock($"Pulses now start only when a lead types {BotCommands.StartPulse.Text}."),
                    new TextBlock($"Type {BotCommands.Schedule.Text} to turn them back on.") { IsSubtle = true },
                ],
            };
        }

        var zone = ScheduleRules.FindTimeZone(saved.TimeZoneId)
            ?? throw new ArgumentException($"'{saved.TimeZoneId}' is not an IANA time zone.", nameof(saved));
        List<CardElement> body =
        [
            CardBlocks.Heading(team.Name is null ? "Pulse schedule saved" : $"Pulse schedule saved: {team.Name}"),
            new TextBlock(Describe(saved)),
            new TextBlock("The next check-ins open") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
            .. nextRuns.Select(run => new TextBlock(LocalRunTime(run, zone)) { Spacing = Spacing.None }),
            new TextBlock($"Type {BotCommands.Schedule.Text} to change it.") { IsSubtle = true, Spacing = Spacing.Medium },
        ];
        return new AdaptiveCard { Body = body };
    }

    /// <summary>The schedule in one or two sentences, e.g. "Every week on Monday at 09:00, Europe/Berlin time. …".</summary>
    public static string Describe(TeamSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var time = FormFormats.FormatTime(schedule.Time);
        var when = schedule.Cadence switch
        {
            ScheduleCadence.Weekly => $"Every week on {schedule.Day} at {time}",
            ScheduleCadence.Fortnightly => $"Every two weeks on {schedule.Day} at {time}",
            ScheduleCadence.Monthly => $"On the first {schedule.Day} of every month at {time}",
            _ => "Off",
        };
        var days = schedule.WindowDays == 1 ? "1 day" : FormattableString.Invariant($"{schedule.WindowDays} days");
        var reminder = schedule.Reminders ? "members who haven't answered get one reminder before it closes" : "no reminders";
        return $"{when}, {schedule.TimeZoneId} time. Each pulse stays open {days}; {reminder}.";
    }

    /// <summary>
    /// An opening time as the team's clock shows it, with the zone's name, e.g. "Mon 30 Nov 2026, 09:00
    /// (Europe/Berlin)". Not the cards' DATE/TIME functions: those show the reader's own time zone.
    /// </summary>
    public static string LocalRunTime(DateTimeOffset run, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return $"{TimeZoneInfo.ConvertTime(run, zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})";
    }

    // The offered zones by offset, plus the current one when it is another valid zone; a zone that
    // is not valid goes back into the text input, where the lead typed it, for the problem above to explain.
    private static IEnumerable<CardElement> TimeZoneInputs(string? timeZoneId)
    {
        var current = ScheduleRules.FindTimeZone(timeZoneId);
        var offered = ScheduleRules.OfferedTimeZoneIds.Select(id => ScheduleRules.FindTimeZone(id)!).ToList();
        var zones = (current is null || offered.Any(zone => zone.Id == current.Id) ? offered : offered.Append(current))
            .OrderBy(zone => zone.BaseUtcOffset)
            .ThenBy(zone => zone.Id, StringComparer.Ordinal);
        yield return new ChoiceSetInput(ScheduleCardData.TimeZoneInput, [.. zones.Select(zone => new Choice(ZoneTitle(zone), zone.Id))])
        {
            Label = "Time zone",
            Style = ChoiceInputStyle.Filtered,
            Value = current?.Id,
        };
        yield return new TextInput(ScheduleCardData.OtherTimeZoneInput)
        {
            Label = "Or type any other time zone by its IANA name",
            Placeholder = "e.g. America/Bogota",
            Value = current is null && !string.IsNullOrWhiteSpace(timeZoneId) ? timeZoneId : null,
            MaxLength = 64,
        };
    }

    private static string ZoneTitle(TimeZoneInfo zone)
    {
        var offset = zone.BaseUtcOffset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return FormattableString.Invariant($"(UTC{sign}{offset:hh\\:mm}) {zone.Id.Replace('_', ' ')}");
    }
}
