using TrustBot.Domain;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Teams;

namespace TrustBot.Actions;

/// <summary>
/// The add-action card's inputs as text, exactly as sent: what the card is filled in with when it
/// is shown again, and what <see cref="Check"/> reads into an <see cref="ActionDraft"/>.
/// </summary>
/// <param name="Title">What is to be done.</param>
/// <param name="Owner">The owner's member id, as the choice sends it.</param>
/// <param name="DueOn">The due date, yyyy-MM-dd as the date input sends it.</param>
/// <param name="Factor">The factor id picked.</param>
public sealed record ActionForm(string? Title, string? Owner, string? DueOn, string? Factor)
{
    /// <summary>A fresh form: owned by the sender, with the text typed after the command as its title.</summary>
    public static ActionForm Blank(string ownerId, string title) => new(title.Length > 0 ? title : null, ownerId, null, null);

    /// <summary>The day as the date input shows it.</summary>
    public static string FormatDay(DateOnly day) => FormFormats.FormatDay(day);

    /// <summary>The day sent, when it is a date at all.</summary>
    public static DateOnly? ParseDay(string? text) => FormFormats.ParseDay(text);

    /// <summary>Why a date input's value cannot be read, or null when it can.</summary>
    public static string? UnreadableDay(string? text) =>
        ParseDay(text) is not null ? null
        : string.IsNullOrWhiteSpace(text) ? "Please pick the due date."
        : "That due date isn't one I can read; please pick the day from the calendar.";

    /// <summary>Reads the form into a draft and checks it; the draft is there only when nothing is wrong.</summary>
    /// <param name="today">The sender's calendar day now.</param>
    /// <param name="roster">The team's members now.</param>
    public ActionCheck Check(DateOnly today, IReadOnlyList<RosterMember> roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        if (UnreadableDay(DueOn) is { } unreadable)
        {
            return new ActionCheck(null, [unreadable]);
        }

        var draft = new ActionDraft(Title?.Trim() ?? string.Empty, Owner?.Trim() ?? string.Empty, ParseDay(DueOn)!.Value, Factor?.Trim() ?? string.Empty);
        var problems = ActionRules.Problems(draft, today, [.. roster.Select(member => member.MemberId)]);
        return new ActionCheck(problems.Count == 0 ? draft : null, problems);
    }
}

/// <summary>The draft a form holds, or what is wrong with it.</summary>
/// <param name="Draft">The draft, when there are no problems.</param>
/// <param name="Problems">Messages for the member; empty when the draft can be stored.</param>
public sealed record ActionCheck(ActionDraft? Draft, IReadOnlyList<string> Problems);
