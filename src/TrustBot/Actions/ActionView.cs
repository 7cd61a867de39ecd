using TrustBot.Cards;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Teams;
using TrustBot.Observations;

namespace TrustBot.Actions;

/// <summary>How action items and their inputs read on cards, so the add card and the list agree.</summary>
public static class ActionView
{
    /// <summary>The owner picker: the team's members by name, their member ids as values.</summary>
    /// <param name="id">The input id.</param>
    /// <param name="roster">The team's members now.</param>
    /// <param name="selected">The member id picked already, if any.</param>
    public static ChoiceSetInput OwnerChoice(string id, IReadOnlyList<RosterMember> roster, string? selected)
    {
        ArgumentNullException.ThrowIfNull(roster);
        return new ChoiceSetInput(id, [.. roster.OrderBy(m => m.Name ?? m.MemberId, StringComparer.CurrentCultureIgnoreCase).Select(m => new Choice(m.Name ?? m.MemberId, m.MemberId))])
        {
            Label = "Who owns it?",
            Style = ChoiceInputStyle.Filtered,
            Value = roster.Any(m => m.MemberId == selected) ? selected : null,
            IsRequired = true,
            ErrorMessage = "Please pick who owns it.",
        };
    }

    /// <summary>The due-date picker, from today on.</summary>
    /// <param name="id">The input id.</param>
    /// <param name="today">The sender's calendar day.</param>
    /// <param name="value">The date picked already, if any (yyyy-MM-dd).</param>
    public static DateInput DueDateInput(string id, DateOnly today, string? value) => new(id)
    {
        Label = "Due date",
        Min = ActionForm.FormatDay(today),
        // A date the input cannot show would be dropped silently; leave it empty instead so the problem above explains.
        Value = ActionForm.ParseDay(value) is { } day ? ActionForm.FormatDay(day) : null,
        IsRequired = true,
        ErrorMessage = "Please pick the due date.",
    };

    /// <summary>One line about an item: owner, due date and factor, and the incident it comes from when its title may be shown.</summary>
    /// <param name="item">The item.</param>
    /// <param name="incidentTitle">The title of the item's incident, or null to leave the incident out.</param>
    public static string Facts(ActionItem item, string? incidentTitle = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var facts = $"{item.OwnerName ?? "Unnamed member"} · due {ObservationView.Day(item.DueOn)} · {TrustFactors.Find(item.FactorId)?.Name ?? item.FactorId}";
        return incidentTitle is null ? facts : $"{facts} · from incident: {incidentTitle}";
    }
}
