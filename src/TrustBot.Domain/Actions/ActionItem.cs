namespace TrustBot.Domain.Actions;

/// <summary>
/// Something a member of the team has agreed to do, by a date, to strengthen one trust factor.
/// Completed items are kept (with <see cref="CompletedAt"/>), so a later summary can compare the
/// factor's score before and after the team acted on it.
/// </summary>
/// <param name="TeamId">The team it belongs to.</param>
/// <param name="Id">Its id (<see cref="ActionItemIds"/>): ordinal order is the order items were added.</param>
/// <param name="Title">What is to be done, at most <see cref="ActionRules.MaxTitleLength"/> characters.</param>
/// <param name="OwnerId">The member id of whoever does it.</param>
/// <param name="OwnerName">The owner's display name when it was assigned, for cards.</param>
/// <param name="DueOn">The calendar day it is due.</param>
/// <param name="FactorId">The trust factor it addresses (a <see cref="Pulse.TrustFactors"/> id).</param>
/// <param name="CreatedBy">The member id of whoever added it.</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="CompletedAt">When it was completed; null while it is open.</param>
/// <param name="IncidentId">The incident whose retrospective it came from (an <see cref="Recovery.IncidentIds"/> id of the same team); null for an item added on its own.</param>
/// <param name="TimeZoneId">
/// The time zone its due date was picked in (an IANA id, or a fixed offset such as <c>+02:00</c>):
/// the sender's when it was added, rescheduled or reassigned, so the owner's reminders come on
/// the mornings of that calendar (see <see cref="ActionReminders"/>); null for UTC.
/// </param>
public sealed record ActionItem(
    string TeamId,
    string Id,
    string Title,
    string OwnerId,
    string? OwnerName,
    DateOnly DueOn,
    string FactorId,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? IncidentId = null,
    string? TimeZoneId = null)
{
    /// <summary>Whether it is done.</summary>
    public bool IsCompleted => CompletedAt is not null;

    /// <summary>Whether it is still open after the day it was due.</summary>
    /// <param name="today">The reader's calendar day.</param>
    public bool IsOverdue(DateOnly today) => !IsCompleted && DueOn < today;
}
