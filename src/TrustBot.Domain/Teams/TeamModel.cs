namespace TrustBot.Domain.Teams;

/// <summary>
/// A Teams team or group chat where TrustBot is installed. Every piece of data belongs to exactly
/// one team. The id comes from the authenticated activity: the team's id for a team
/// (<c>channelData.team.id</c>), the conversation id for a group chat.
/// </summary>
/// <param name="Id">The team's id.</param>
/// <param name="TenantId">The Microsoft Entra tenant the team lives in.</param>
/// <param name="Name">Display name, when Teams told us.</param>
/// <param name="Kind">Team or group chat.</param>
/// <param name="ConversationId">Where the bot posts to the whole team: the General channel or the group chat.</param>
/// <param name="ServiceUrl">The Bot Connector endpoint Teams gave for this team.</param>
/// <param name="InstalledAt">When the bot was installed.</param>
public sealed record Team(
    string Id,
    string TenantId,
    string? Name,
    TeamKind Kind,
    string ConversationId,
    string ServiceUrl,
    DateTimeOffset InstalledAt)
{
    /// <summary>
    /// Changes whenever something the team's summary is built from changes (a run closes; an action,
    /// incident, observation, charter, roster or team change is written); null when not known. Read
    /// with the team, so a summary can be kept until it changes. Not part of the team's identity.
    /// </summary>
    public string? SummaryStamp { get; init; }

    /// <inheritdoc />
    public bool Equals(Team? other) =>
        other is not null && Id == other.Id && TenantId == other.TenantId && Name == other.Name && Kind == other.Kind
        && ConversationId == other.ConversationId && ServiceUrl == other.ServiceUrl && InstalledAt == other.InstalledAt;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, TenantId, Name, Kind, ConversationId, ServiceUrl, InstalledAt);
}

/// <summary>Where the bot is installed.</summary>
public enum TeamKind
{
    /// <summary>A Teams team; the bot talks to it in a channel.</summary>
    Team,

    /// <summary>A group chat.</summary>
    GroupChat,
}

/// <summary>What a person may do in a team.</summary>
public enum TeamRole
{
    /// <summary>Answers pulses, proposes, votes, owns actions.</summary>
    Member,

    /// <summary>Also starts and schedules pulses, reads the summary, makes other members leads.</summary>
    Lead,
}

/// <summary>A person's role in one team.</summary>
/// <param name="MemberId">The person's Microsoft Entra object id.</param>
/// <param name="TeamId">The team.</param>
/// <param name="Role">Their role.</param>
/// <param name="Name">Display name, for cards shown to leads; never stored beside answers.</param>
public sealed record Membership(string MemberId, string TeamId, TeamRole Role, string? Name);

/// <summary>
/// How to reach one person 1:1: their personal conversation with the bot, created or seen once and
/// reused for every proactive message.
/// </summary>
/// <param name="MemberId">The person's Microsoft Entra object id.</param>
/// <param name="TenantId">Their tenant.</param>
/// <param name="UserId">Their Teams user id (<c>29:…</c>), needed to create the conversation.</param>
/// <param name="ConversationId">The personal conversation's id.</param>
/// <param name="ServiceUrl">The Bot Connector endpoint for it.</param>
/// <param name="TimeZoneId">
/// The time zone the person's Teams client last reported (an IANA id, or a fixed offset such as
/// <c>+02:00</c>), which their reminders keep to; null until one was seen.
/// </param>
public sealed record PersonalChat(string MemberId, string TenantId, string UserId, string ConversationId, string ServiceUrl, string? TimeZoneId = null);

/// <summary>A member of a team's roster as Teams reports it.</summary>
/// <param name="MemberId">Microsoft Entra object id.</param>
/// <param name="UserId">Teams user id (<c>29:…</c>).</param>
/// <param name="Name">Display name.</param>
public sealed record RosterMember(string MemberId, string UserId, string? Name);
