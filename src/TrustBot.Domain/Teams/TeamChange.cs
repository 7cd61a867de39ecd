namespace TrustBot.Domain.Teams;

/// <summary>
/// One change in who makes up a team, kept for <see cref="TeamChangeRules"/>: the framework counts
/// "changes within the team" among the ways trust is lost (stage 5).
/// </summary>
/// <param name="Kind">What changed.</param>
/// <param name="PersonId">
/// Who joined or left, by their Teams user id (<c>29:…</c>, which every conversation update names,
/// unlike the Entra object id), so one person is counted once however often they are reported;
/// null for <see cref="TeamChangeKind.LeadChanged"/>.
/// </param>
/// <param name="At">When the bot learned of it.</param>
public sealed record TeamChange(TeamChangeKind Kind, string? PersonId, DateTimeOffset At)
{
    /// <summary>A person joined the team.</summary>
    public static TeamChange Joined(string personId, DateTimeOffset at) => new(TeamChangeKind.Joined, personId, at);

    /// <summary>A person left the team.</summary>
    public static TeamChange Left(string personId, DateTimeOffset at) => new(TeamChangeKind.Left, personId, at);

    /// <summary>The team's leads changed (one was added or removed).</summary>
    public static TeamChange LeadChanged(DateTimeOffset at) => new(TeamChangeKind.LeadChanged, null, at);
}

/// <summary>What a <see cref="TeamChange"/> records.</summary>
public enum TeamChangeKind
{
    /// <summary>Someone joined the team.</summary>
    Joined,

    /// <summary>Someone left the team.</summary>
    Left,

    /// <summary>A lead was added or removed.</summary>
    LeadChanged,
}

/// <summary>
/// Each team's recent <see cref="TeamChange"/>s and when leads were last offered a check-in because
/// of them. Installing the bot records nothing: the first roster it reads is where it starts.
/// </summary>
public interface ITeamChangeStore
{
    /// <summary>Records changes (the same change recorded twice is counted once by the rules), and forgets those older than <see cref="TeamChangeRules.KeptFor"/>.</summary>
    Task RecordAsync(string teamId, IReadOnlyList<TeamChange> changes, CancellationToken cancellationToken);

    /// <summary>The team's changes since <paramref name="since"/>, oldest first, and when a check-in was last suggested.</summary>
    Task<TeamChangeLog> GetAsync(string teamId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a check-in was suggested at <paramref name="at"/>, only if the last suggestion
    /// is still <paramref name="previous"/> (null: none yet); false when another instance suggested
    /// one meanwhile, so each change window is suggested at most once.
    /// </summary>
    Task<bool> TryMarkSuggestedAsync(string teamId, DateTimeOffset? previous, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>What <see cref="ITeamChangeStore.GetAsync"/> reads.</summary>
/// <param name="Changes">Changes in the period, oldest first.</param>
/// <param name="LastSuggestedAt">When leads were last offered a check-in for team changes, or null.</param>
public sealed record TeamChangeLog(IReadOnlyList<TeamChange> Changes, DateTimeOffset? LastSuggestedAt);
