namespace TrustBot.Domain.Teams;

/// <summary>Teams, their leads and how to reach their members.</summary>
public interface ITeamStore
{
    /// <summary>Records an installation; a second install of the same team keeps the first record's date.</summary>
    Task SaveTeamAsync(Team team, CancellationToken cancellationToken);

    /// <summary>The team, or null when the bot is not installed there.</summary>
    Task<Team?> GetTeamAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Sets a person's role in a team (inserting or replacing it).</summary>
    Task SaveMembershipAsync(Membership membership, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a person belongs to a team, as given, when no role is stored for them yet;
    /// an existing role (a lead, say) is never changed.
    /// </summary>
    Task EnsureMembershipAsync(Membership membership, CancellationToken cancellationToken);

    /// <summary>A person's role in a team, or null when none is stored.</summary>
    Task<Membership?> GetMembershipAsync(string memberId, string teamId, CancellationToken cancellationToken);

    /// <summary>Every team the person has a stored role in (one partition: the person's).</summary>
    Task<IReadOnlyList<Membership>> GetMembershipsAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Remembers the person's 1:1 conversation with the bot.</summary>
    Task SavePersonalChatAsync(PersonalChat chat, CancellationToken cancellationToken);

    /// <summary>The person's 1:1 conversation, or null when the bot has never had one with them.</summary>
    Task<PersonalChat?> GetPersonalChatAsync(string memberId, CancellationToken cancellationToken);
}
