namespace TrustBot.Domain.Teams;

/// <summary>Teams, their leads and how to reach their members.</summary>
public interface ITeamStore
{
    /// <summary>Records an installation; a second install of the same team keeps the first record's date.</summary>
    Task SaveTeamAsync(Team team, CancellationToken cancellationToken);

    /// <summary>
    /// The team, or null when the bot is not installed there: never installed, or removed (its data
    /// may be kept for a while, see <see cref="MarkUninstalledAsync"/>, but nothing acts on it).
    /// </summary>
    Task<Team?> GetTeamAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the bot was removed from the team: <see cref="GetTeamAsync"/> no longer finds it,
    /// while its data stays until purged; <see cref="SaveTeamAsync"/> (a reinstall) clears the mark.
    /// Returns when the team was marked (an earlier mark is kept, so a repeated removal does not
    /// lengthen the retention), or null when no team is stored.
    /// </summary>
    Task<DateTimeOffset?> MarkUninstalledAsync(string teamId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>When the bot was removed from the team, while its data is kept; null when it is installed there or nothing is stored.</summary>
    Task<DateTimeOffset?> GetUninstalledAtAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Sets a person's role in a team (inserting or replacing it).</summary>
    Task SaveMembershipAsync(Membership membership, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a person belongs to a team, as given, when no role is stored for them yet;
    /// an existing role (a lead, say) is never changed.
    /// </summary>
    Task EnsureMembershipAsync(Membership membership, CancellationToken cancellationToken);

    /// <summary>
    /// Ends these people's roles in the team (they left it); ending one that is not stored is not an
    /// error. Returns the roles it ended, so that a lead leaving counts as a change of leads.
    /// </summary>
    Task<IReadOnlyList<Membership>> RemoveMembershipsAsync(string teamId, IReadOnlyList<string> memberIds, CancellationToken cancellationToken);

    /// <summary>
    /// Ends everyone's role in the team (the bot was removed, or installed afresh): no lead or member
    /// stored before survives. Memberships live in each person's partition, so this is a scan of the
    /// memberships table: fine for a rare event, not for a hot path.
    /// </summary>
    Task EndMembershipsAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>A person's role in a team, or null when none is stored.</summary>
    Task<Membership?> GetMembershipAsync(string memberId, string teamId, CancellationToken cancellationToken);

    /// <summary>Every team the person has a stored role in (one partition: the person's).</summary>
    Task<IReadOnlyList<Membership>> GetMembershipsAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Remembers the person's 1:1 conversation with the bot.</summary>
    Task SavePersonalChatAsync(PersonalChat chat, CancellationToken cancellationToken);

    /// <summary>The person's 1:1 conversation, or null when the bot has never had one with them.</summary>
    Task<PersonalChat?> GetPersonalChatAsync(string memberId, CancellationToken cancellationToken);
}
