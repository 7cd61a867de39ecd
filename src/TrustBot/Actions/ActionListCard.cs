using TrustBot.Cards;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;

namespace TrustBot.Actions;

/// <summary>
/// A team's open action items, the reader's own first, then by due date, each with buttons to
/// complete, reassign or reschedule it; below them what was completed lately, to reopen. An item
/// from an incident's retrospective names the incident.
/// </summary>
public static class ActionListCard
{
    /// <summary>The verb of the Complete buttons.</summary>
    public const string CompleteVerb = "action.complete";

    /// <summary>The verb of the Reopen buttons.</summary>
    public const string ReopenVerb = "action.reopen";

    /// <summary>The verb of the reassign forms' buttons.</summary>
    public const string ReassignVerb = "action.reassign";

    /// <summary>The verb of the reschedule forms' buttons.</summary>
    public const string RescheduleVerb = "action.reschedule";

    /// <summary>How far back "done lately" reaches.</summary>
    public static readonly TimeSpan DoneLately = TimeSpan.FromDays(14);

    /// <summary>
    /// The most open items listed: each carries its own reassign form, and Teams refuses cards over
    /// about 28 KB.
    /// </summary>
    public const int MaxOpenListed = 20;

    /// <summary>Builds the card.</summary>
    /// <param name="team">The team.</param>
    /// <param name="items">All of the team's items.</param>
    /// <param name="reader">Who it is shown to, when it is, and the roster to reassign to.</param>
    /// <param name="notice">What the last click did, shown on top.</param>
    /// <param name="incidents">The team's incidents, to name the one an item comes from; none needed when no item comes from one.</param>
    public static AdaptiveCard Build(
        Team team, IReadOnlyList<ActionItem> items, ActionListReader reader, ActionListNotice? notice = null, IReadOnlyList<Incident>? incidents = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(reader);
        var incidentTitles = ShownIncidentTitles(incidents ?? []);
        List<CardElement> body = [CardBlocks.Heading(team.Name is null ? "Action items" : $"Action items: {team.Name}")];
        if (notice is not null)
        {
            body.Add(notice.IsProblem ? CardBlocks.Problems(notice.Text) : new Container([new TextBlock(notice.Text)]) { Style = ContainerStyle.Emphasis });
        }

        var open = items.Where(i => !i.IsCompleted)
            .OrderBy(i => i.OwnerId == reader.MemberId ? 0 : 1)
            .ThenBy(i => i.DueOn)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        body.Add(open.Count == 0
            ? new TextBlock("No open action items. Type add action to add one.")
            : new TextBlock($"{open.Count} open, yours first, then by due date.") { IsSubtle = true });
        body.AddRange(open.Take(MaxOpenListed).Select(item => OpenItem(team.Id, item, reader, incidentTitles)));
        if (open.Count > MaxOpenListed)
        {
            body.Add(new TextBlock($"And {open.Count - MaxOpenListed} more, due later.") { IsSubtle = true });
        }

        var doneLately = items.Where(i => i.CompletedAt >= reader.Now - DoneLately).OrderByDescending(i => i.CompletedAt).ToList();
        if (doneLately.Count > 0)
        {
            body.Add(new TextBlock("Done lately") { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Large });
            body.AddRange(doneLately.Select(item => DoneItem(team.Id, item, incidentTitles)));
        }

        return new AdaptiveCard { Body = body };
    }

    /// <summary>
    /// Incident id → title, for the incidents the whole team hears about. The list is shown in the
    /// channel and updated in place there, so a leads-only incident is never named on it: its items
    /// are listed like any other.
    /// </summary>
    private static Dictionary<string, string> ShownIncidentTitles(IReadOnlyList<Incident> incidents) =>
        incidents.Where(incident => incident.Visibility == IncidentVisibility.Team).ToDictionary(incident => incident.Id, incident => incident.Title, StringComparer.Ordinal);

    private static string Facts(ActionItem item, Dictionary<string, string> incidentTitles) =>
        ActionView.Facts(item, item.IncidentId is { } incidentId ? incidentTitles.GetValueOrDefault(incidentId) : null);

    private static Container OpenItem(string teamId, ActionItem item, ActionListReader reader, Dictionary<string, string> incidentTitles)
    {
        var data = ActionCardData.ForItem(teamId, item.Id);
        List<CardElement> lines =
        [
            new TextBlock(item.Title) { Weight = TextWeight.Bolder },
            new TextBlock(Facts(item, incidentTitles)) { IsSubtle = true, Spacing = Spacing.None },
        ];
        if (item.IsOverdue(reader.Today))
        {
            lines.Add(new TextBlock("Overdue") { Color = TextColor.Attention, Weight = TextWeight.Bolder, Spacing = Spacing.None });
        }

        lines.Add(new ActionSet(
        [
            new ExecuteAction("Complete", CompleteVerb) { Data = data, Style = ActionStyle.Positive },
            new ShowCardAction("Reassign", Form(
                ActionView.OwnerChoice(ActionCardData.ItemInput(ActionCardData.OwnerInput, item.Id), reader.Roster, item.OwnerId),
                new ExecuteAction("Reassign", ReassignVerb) { Data = data })),
            new ShowCardAction("Change due date", Form(
                ActionView.DueDateInput(ActionCardData.ItemInput(ActionCardData.DueInput, item.Id), reader.Today, ActionForm.FormatDay(item.DueOn)),
                new ExecuteAction("Change due date", RescheduleVerb) { Data = data })),
        ]));
        return new Container(lines) { Separator = true };
    }

    private static Container DoneItem(string teamId, ActionItem item, Dictionary<string, string> incidentTitles) => new(
    [
        new TextBlock($"✓ {item.Title}"),
        new TextBlock($"{Facts(item, incidentTitles)} · completed {CardText.LocalDateTime(item.CompletedAt!.Value)}") { IsSubtle = true, Spacing = Spacing.None },
        new ActionSet([new ExecuteAction("Reopen", ReopenVerb) { Data = ActionCardData.ForItem(teamId, item.Id) }]),
    ])
    { Separator = true };

    private static AdaptiveCard Form(CardElement input, ExecuteAction submit) => new() { Body = [input], Actions = [submit] };
}

/// <summary>Who reads the list, and what it needs to know about them.</summary>
/// <param name="MemberId">The reader's member id: their items come first.</param>
/// <param name="Today">The reader's calendar day: what is overdue, and the earliest new due date.</param>
/// <param name="Now">The current time: what counts as completed lately.</param>
/// <param name="Roster">The team's members, to reassign to.</param>
public sealed record ActionListReader(string MemberId, DateOnly Today, DateTimeOffset Now, IReadOnlyList<RosterMember> Roster);

/// <summary>A message on top of the list: what the last click did, or why it did nothing.</summary>
/// <param name="Text">The message.</param>
/// <param name="IsProblem">Whether it explains a refusal.</param>
public sealed record ActionListNotice(string Text, bool IsProblem);
