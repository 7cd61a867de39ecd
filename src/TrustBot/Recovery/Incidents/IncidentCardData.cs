using System.Globalization;
using System.Text.Json.Nodes;
using TrustBot.Cards;
using TrustBot.Domain;
using TrustBot.Domain.Recovery;

namespace TrustBot.Recovery.Incidents;

/// <summary>
/// What the incident cards send back. Nothing here is trusted: the server checks that the sender
/// is on the team named (and leads it, for a lead's verb) and that the incident is that team's, on
/// every click. What cannot even be read as the card wrote it comes back null.
/// </summary>
public static class IncidentCardData
{
    /// <summary>Input id of the title.</summary>
    public const string TitleInput = "title";

    /// <summary>Input id of what happened.</summary>
    public const string WhatHappenedInput = "whatHappened";

    /// <summary>Input id of the severity choice.</summary>
    public const string SeverityInput = "severity";

    /// <summary>Input id of the day it happened.</summary>
    public const string OccurredOnInput = "occurredOn";

    /// <summary>Input id of the time of day it happened.</summary>
    public const string OccurredTimeInput = "occurredTime";

    /// <summary>Input id of the factors choice (several, comma-separated).</summary>
    public const string FactorsInput = "factors";

    /// <summary>Input id of the visibility choice.</summary>
    public const string VisibilityInput = "visibility";

    /// <summary>Input id of the plan steps a lead accepts (several, comma-separated); on the list, followed by the incident id.</summary>
    public const string StepsInput = "steps";

    // Which card a lead's button is on, so the reply redraws that card; anything else gets a notice.
    private const string ViewProperty = "view";

    /// <summary>The data of the declaration form's button.</summary>
    public static object ForDeclare(string teamId) => new { teamId };

    /// <summary>The data of a button about one incident on a card of another kind (such as a recovery nudge): the reply is a short notice.</summary>
    public static object ForIncident(string teamId, string incidentId) => new { teamId, incidentId };

    /// <summary>The data of a button about one incident on the leads' card or the list: the reply redraws that card.</summary>
    public static object ForIncident(string teamId, string incidentId, IncidentCardView view) =>
        new { teamId, incidentId, view = view.ToString() };

    /// <summary>The id of an awaiting incident's own step choice on the list card (input ids must be unique on a card).</summary>
    public static string StepsInputFor(string incidentId) => $"{StepsInput}.{incidentId}";

    /// <summary>Several choices' values as a multi-select sends them.</summary>
    public static string JoinChoices(IEnumerable<string> values) => string.Join(',', values);

    /// <summary>The team and the form a declaration card sends, or null when the data is malformed.</summary>
    public static DeclareData? ReadDeclare(JsonObject? data) =>
        data is { } json
        && CardSubmit.TeamIdOf(json) is { } teamId
        && CardSubmit.TryReadText(json, TitleInput, out var title)
        && CardSubmit.TryReadText(json, WhatHappenedInput, out var whatHappened)
        && CardSubmit.TryReadText(json, SeverityInput, out var severity)
        && CardSubmit.TryReadText(json, OccurredOnInput, out var occurredOn)
        && CardSubmit.TryReadText(json, OccurredTimeInput, out var occurredTime)
        && CardSubmit.TryReadText(json, FactorsInput, out var factors)
        && CardSubmit.TryReadText(json, VisibilityInput, out var visibility)
            ? new DeclareData(teamId, new IncidentForm(title, whatHappened, severity, occurredOn, occurredTime, factors, visibility))
            : null;

    /// <summary>The team, the incident, the steps chosen (if the card had a step choice) and the card clicked, or null when the data is malformed.</summary>
    public static IncidentClickData? ReadClick(JsonObject? data)
    {
        if (data is not { } json
            || CardSubmit.TeamIdOf(json) is not { } teamId
            || !CardSubmit.TryReadText(json, "incidentId", out var incidentId)
            || incidentId is null
            || !IncidentIds.IsWellFormed(incidentId)
            || !CardSubmit.TryReadText(json, StepsInputFor(incidentId), out var listSteps)
            || !CardSubmit.TryReadText(json, StepsInput, out var cardSteps)
            || !CardSubmit.TryReadText(json, ViewProperty, out var view))
        {
            return null;
        }

        var known = Enum.GetValues<IncidentCardView>().Where(value => value.ToString() == view).Cast<IncidentCardView?>().FirstOrDefault();
        return new IncidentClickData(teamId, incidentId, ReadSteps(listSteps ?? cardSteps), known);
    }

    // Absent: no step choice on the card clicked, so the whole default plan. Names that are not
    // steps become an undefined step, which IncidentRules.StepProblems explains.
    private static IReadOnlyList<RecoveryStep>? ReadSteps(string? text) =>
        text is null ? null : [.. SplitChoices(text).Select(ParseName<RecoveryStep>)];

    /// <summary>The values of a multi-select, as sent (comma-separated).</summary>
    internal static IEnumerable<string> SplitChoices(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// An enum value by its name, as the cards send it; anything else (a number, an unknown name)
    /// becomes a value outside the enum, so the domain's checks explain it in their own words.
    /// </summary>
    internal static TEnum ParseName<TEnum>(string? text)
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (value.ToString() == text)
            {
                return value;
            }
        }

        // Every enum here starts at 0, so -1 is never one of its values.
        return (TEnum)Enum.ToObject(typeof(TEnum), -1);
    }
}

/// <summary>The card a lead's button is on.</summary>
public enum IncidentCardView
{
    /// <summary>The card that brings a lead an awaiting incident.</summary>
    Lead,

    /// <summary>The list of the team's incidents.</summary>
    List,
}

/// <summary>
/// The declaration form's inputs as text, exactly as sent: what the form is filled in with when it
/// is shown again, and what <see cref="Check"/> reads into an <see cref="IncidentDraft"/>.
/// </summary>
/// <param name="Title">A short name.</param>
/// <param name="WhatHappened">What happened.</param>
/// <param name="Severity">The severity's name.</param>
/// <param name="OccurredOn">The day, yyyy-MM-dd, in the sender's calendar.</param>
/// <param name="OccurredTime">The time of day, HH:mm, on the sender's clock.</param>
/// <param name="Factors">The factor ids, comma-separated.</param>
/// <param name="Visibility">The visibility's name.</param>
public sealed record IncidentForm(
    string? Title, string? WhatHappened, string? Severity, string? OccurredOn, string? OccurredTime, string? Factors, string? Visibility)
{
    /// <summary>A fresh form: the text typed after the command as its title, happening now, seen by the whole team.</summary>
    /// <param name="title">What followed the command.</param>
    /// <param name="localNow">The current time on the sender's clock.</param>
    public static IncidentForm Blank(string title, DateTimeOffset localNow) => new(
        title.Length > 0 ? title : null,
        null,
        null,
        FormFormats.FormatDay(DateOnly.FromDateTime(localNow.DateTime)),
        FormFormats.FormatTime(TimeOnly.FromDateTime(localNow.DateTime)),
        null,
        nameof(IncidentVisibility.Team));

    /// <summary>Whether the sender chose leads only (so a shared chat must not show what they wrote).</summary>
    public bool IsForLeadsOnly => Visibility == nameof(IncidentVisibility.LeadsOnly);

    /// <summary>Reads the form into a draft and checks it; the draft is there only when nothing is wrong.</summary>
    /// <param name="localNow">The current time on the sender's clock: its offset places the day and time they wrote.</param>
    public IncidentCheck Check(DateTimeOffset localNow)
    {
        var unreadable = new List<string>();
        var day = FormFormats.ParseDay(OccurredOn);
        var time = FormFormats.ParseTime(OccurredTime);
        if (day is null)
        {
            unreadable.Add(string.IsNullOrWhiteSpace(OccurredOn)
                ? "Please pick the day it happened."
                : "That day isn't one I can read; please pick it from the calendar.");
        }

        if (time is null)
        {
            unreadable.Add("Please write the time it happened as hours and minutes, e.g. 14:30.");
        }

        // An unreadable day or time is explained above; the rest is still checked, so every problem shows at once.
        var occurredAt = day is { } d && time is { } t ? new DateTimeOffset(d.ToDateTime(t), localNow.Offset) : localNow;
        var draft = new IncidentDraft(
            Title?.Trim() ?? string.Empty,
            WhatHappened?.Trim() ?? string.Empty,
            IncidentCardData.ParseName<IncidentSeverity>(Severity),
            occurredAt,
            [.. IncidentCardData.SplitChoices(Factors)],
            IncidentCardData.ParseName<IncidentVisibility>(Visibility));
        IReadOnlyList<string> problems = [.. unreadable, .. IncidentRules.Problems(draft, localNow)];
        return new IncidentCheck(problems.Count == 0 ? draft : null, problems);
    }
}

/// <summary>The draft a form holds, or what is wrong with it.</summary>
/// <param name="Draft">The draft, when there are no problems.</param>
/// <param name="Problems">Messages for the sender; empty when the incident can be declared.</param>
public sealed record IncidentCheck(IncidentDraft? Draft, IReadOnlyList<string> Problems);

/// <summary>A declaration form's submit: the team it names and what the sender filled in.</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="Form">The inputs.</param>
public sealed record DeclareData(string TeamId, IncidentForm Form);

/// <summary>A lead's click about one incident.</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="IncidentId">A well-formed incident id.</param>
/// <param name="Steps">The steps chosen, when the card had a step choice; null means the whole default plan.</param>
/// <param name="View">The card clicked, when it is one the reply redraws.</param>
public sealed record IncidentClickData(string TeamId, string IncidentId, IReadOnlyList<RecoveryStep>? Steps, IncidentCardView? View);
