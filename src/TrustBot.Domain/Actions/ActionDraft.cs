namespace TrustBot.Domain.Actions;

/// <summary>What a member fills in on the add-action card, before it is checked (<see cref="ActionRules"/>) and stored.</summary>
/// <param name="Title">What is to be done.</param>
/// <param name="OwnerId">The member id picked as owner.</param>
/// <param name="DueOn">The day picked.</param>
/// <param name="FactorId">The factor id picked.</param>
/// <param name="IncidentId">The incident whose retrospective it comes from, once checked to be the team's; null for an item added on its own.</param>
public sealed record ActionDraft(string Title, string OwnerId, DateOnly DueOn, string FactorId, string? IncidentId = null)
{
    /// <summary>The item to store, added now.</summary>
    /// <param name="teamId">The team, as checked against the sender's membership.</param>
    /// <param name="ownerName">The owner's display name from the roster.</param>
    /// <param name="createdBy">The sender's member id.</param>
    /// <param name="createdAt">The current time.</param>
    /// <param name="entropy">A fresh GUID for the id.</param>
    /// <param name="timeZoneId">The sender's time zone, which the due date was picked in (see <see cref="ActionItem.TimeZoneId"/>).</param>
    public ActionItem ToItem(string teamId, string? ownerName, string createdBy, DateTimeOffset createdAt, Guid entropy, string? timeZoneId = null) =>
        new(teamId, ActionItemIds.New(createdAt, entropy), Title, OwnerId, ownerName, DueOn, FactorId, createdBy, createdAt, CompletedAt: null, IncidentId, timeZoneId);
}
