namespace TrustBot.Domain.Teams;

/// <summary>
/// Each team's member list as the bot last learnt it from Teams (on install, on members added and
/// removed), so scheduled deliveries fan out without asking Teams for the roster every time.
/// </summary>
public interface ITeamRosterStore
{
    /// <summary>Makes the stored roster exactly <paramref name="members"/>: adds and updates them, removes everyone else. Unreachable marks of members who stay are kept.</summary>
    Task ReplaceAsync(string teamId, IReadOnlyList<RosterMember> members, CancellationToken cancellationToken);

    /// <summary>Adds or updates members (their unreachable marks are kept).</summary>
    Task AddAsync(string teamId, IReadOnlyList<RosterMember> members, CancellationToken cancellationToken);

    /// <summary>Removes members; removing one who is not stored is not an error.</summary>
    Task RemoveAsync(string teamId, IReadOnlyList<string> memberIds, CancellationToken cancellationToken);

    /// <summary>The stored roster (one partition scan), in no meaningful order.</summary>
    Task<IReadOnlyList<RosterEntry>> GetAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Marks a member the bot cannot reach (they blocked or uninstalled it: Teams answered 403/404); scheduled deliveries skip them.</summary>
    Task MarkUnreachableAsync(string teamId, string memberId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Clears the mark (the member installed the bot again); does nothing for a member who is not stored.</summary>
    Task ClearUnreachableAsync(string teamId, string memberId, CancellationToken cancellationToken);
}

/// <summary>A stored roster member and whether the bot can reach them.</summary>
/// <param name="Member">Who they are.</param>
/// <param name="UnreachableSince">When Teams last refused a delivery to them, or null when they are reachable.</param>
public sealed record RosterEntry(RosterMember Member, DateTimeOffset? UnreachableSince)
{
    /// <summary>Whether scheduled deliveries should go to them.</summary>
    public bool IsReachable => UnreachableSince is null;
}
