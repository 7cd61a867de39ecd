namespace TrustBot.Domain.Actions;

/// <summary>
/// One change a member asks for on an existing item. <see cref="Apply"/> decides who may make it
/// and whether it makes sense now; the store then writes the result only if nobody changed the
/// item meanwhile.
/// </summary>
public abstract record ActionChange
{
    /// <summary>The item after the change, or why it cannot be made.</summary>
    /// <param name="item">The item as stored.</param>
    /// <param name="actor">Who asks: their member id, and whether they lead the team.</param>
    public ActionOutcome Apply(ActionItem item, ActionActor actor)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(actor);
        // Owners answer for their items and leads for the team's; anyone else could only meddle.
        return actor.IsLead || string.Equals(actor.MemberId, item.OwnerId, StringComparison.Ordinal)
            ? Change(item)
            : ActionOutcome.Refused($"Only {item.OwnerName ?? "its owner"} or a lead of the team can change \"{item.Title}\".");
    }

    /// <summary>The change itself, once the actor may make it.</summary>
    protected abstract ActionOutcome Change(ActionItem item);
}

/// <summary>Marks an open item done.</summary>
/// <param name="At">When it is completed.</param>
public sealed record CompleteAction(DateTimeOffset At) : ActionChange
{
    /// <inheritdoc />
    protected override ActionOutcome Change(ActionItem item) => item.IsCompleted
        ? ActionOutcome.Refused($"\"{item.Title}\" is already completed, so nothing changed.")
        : ActionOutcome.Changed(item with { CompletedAt = At });
}

/// <summary>Opens a completed item again.</summary>
public sealed record ReopenAction : ActionChange
{
    /// <inheritdoc />
    protected override ActionOutcome Change(ActionItem item) => item.IsCompleted
        ? ActionOutcome.Changed(item with { CompletedAt = null })
        : ActionOutcome.Refused($"\"{item.Title}\" is already open, so nothing changed.");
}

/// <summary>Moves the due date of an open item.</summary>
/// <param name="DueOn">The new due date.</param>
/// <param name="Today">The actor's calendar day now.</param>
public sealed record RescheduleAction(DateOnly DueOn, DateOnly Today) : ActionChange
{
    /// <summary>The actor's time zone, which the new date was picked in; null keeps the item's.</summary>
    public string? TimeZoneId { get; init; }

    /// <inheritdoc />
    protected override ActionOutcome Change(ActionItem item)
    {
        if (item.IsCompleted)
        {
            return ActionOutcome.Refused($"\"{item.Title}\" is completed; reopen it before changing its due date.");
        }

        var problems = ActionRules.DueDateProblems(DueOn, Today).ToList();
        return problems.Count > 0 ? ActionOutcome.Refused(string.Join(' ', problems)) : ActionOutcome.Changed(item with { DueOn = DueOn, TimeZoneId = TimeZoneId ?? item.TimeZoneId });
    }
}

/// <summary>Hands an open item to another member of the team (already checked against the roster).</summary>
/// <param name="OwnerId">The new owner's member id.</param>
/// <param name="OwnerName">The new owner's display name.</param>
public sealed record ReassignAction(string OwnerId, string? OwnerName) : ActionChange
{
    /// <summary>The actor's time zone, the best guess of the new owner's calendar; null keeps the item's.</summary>
    public string? TimeZoneId { get; init; }

    /// <inheritdoc />
    protected override ActionOutcome Change(ActionItem item) => item.IsCompleted
        ? ActionOutcome.Refused($"\"{item.Title}\" is completed; reopen it before handing it to someone else.")
        : ActionOutcome.Changed(item with { OwnerId = OwnerId, OwnerName = OwnerName, TimeZoneId = TimeZoneId ?? item.TimeZoneId });
}

/// <summary>Who asks for a change.</summary>
/// <param name="MemberId">Their member id.</param>
/// <param name="IsLead">Whether they lead the item's team.</param>
public sealed record ActionActor(string MemberId, bool IsLead);

/// <summary>The item after a change, or why the change was refused.</summary>
/// <param name="Item">The changed item; null when refused.</param>
/// <param name="Problem">Why it was refused; null when changed.</param>
public sealed record ActionOutcome(ActionItem? Item, string? Problem)
{
    /// <summary>The change can be written.</summary>
    public static ActionOutcome Changed(ActionItem item) => new(item, null);

    /// <summary>The change is refused, and why.</summary>
    public static ActionOutcome Refused(string problem) => new(null, problem);
}
