using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Actions;

/// <summary>
/// What makes an action item acceptable. Every problem comes back as a message the member can act
/// on, so the card can say exactly what to fix and nothing is stored until there are none.
/// </summary>
public static class ActionRules
{
    /// <summary>The longest title accepted, in characters.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The problems with the draft, as plain messages; empty when it can be stored.</summary>
    /// <param name="draft">What the member sent.</param>
    /// <param name="today">The sender's calendar day now.</param>
    /// <param name="teamMemberIds">The member ids on the team's current roster.</param>
    public static IReadOnlyList<string> Problems(ActionDraft draft, DateOnly today, IReadOnlyCollection<string> teamMemberIds)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return
        [
            .. TitleProblems(draft.Title),
            .. OwnerProblems(draft.OwnerId, teamMemberIds),
            .. DueDateProblems(draft.DueOn, today),
            .. FactorProblems(draft.FactorId),
        ];
    }

    /// <summary>What is wrong with a due date: in the past, or more than a year ahead.</summary>
    /// <param name="dueOn">The day picked.</param>
    /// <param name="today">The sender's calendar day now.</param>
    public static IEnumerable<string> DueDateProblems(DateOnly dueOn, DateOnly today)
    {
        if (dueOn < today)
        {
            yield return "The due date is in the past; please pick today or a later day.";
        }
        else if (dueOn > LatestDueDate(today))
        {
            yield return "The due date is more than a year away; please pick a nearer day, and add a follow-up item later if needed.";
        }
    }

    /// <summary>The latest due date accepted today.</summary>
    public static DateOnly LatestDueDate(DateOnly today) => today.AddYears(1);

    /// <summary>What is wrong with an owner: anyone not on the team's roster.</summary>
    /// <param name="ownerId">The member id picked.</param>
    /// <param name="teamMemberIds">The member ids on the team's current roster.</param>
    public static IEnumerable<string> OwnerProblems(string ownerId, IReadOnlyCollection<string> teamMemberIds)
    {
        ArgumentNullException.ThrowIfNull(teamMemberIds);
        if (string.IsNullOrWhiteSpace(ownerId))
        {
            yield return "Please pick who owns it.";
        }
        else if (!teamMemberIds.Contains(ownerId, StringComparer.Ordinal))
        {
            yield return "The owner must be a member of the team; please pick someone from the list.";
        }
    }

    private static IEnumerable<string> TitleProblems(string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            yield return "Please say what is to be done.";
        }
        else if (title.Length > MaxTitleLength)
        {
            yield return FormattableString.Invariant($"The title is {title.Length} characters long; please keep it to {MaxTitleLength} or fewer.");
        }
    }

    private static IEnumerable<string> FactorProblems(string factorId)
    {
        if (string.IsNullOrWhiteSpace(factorId))
        {
            yield return "Please pick the trust factor it addresses.";
        }
        else if (TrustFactors.Find(factorId) is null)
        {
            yield return "Please pick one of the listed trust factors.";
        }
    }
}
