using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using TrustBot.Domain.Teams;

namespace TrustBot.Bot;

/// <summary>
/// Who and where an activity comes from, read only from what Teams authenticated (never from
/// card data or text a client can edit).
/// </summary>
internal static class ActivityIdentity
{
    /// <summary>The sender's stable id: their Microsoft Entra object id, or the Teams user id when absent.</summary>
    public static string MemberIdOf(IActivity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } objectId ? objectId : activity.From?.Id ?? string.Empty;

    /// <summary>The tenant the activity comes from.</summary>
    public static string TenantIdOf(IActivity activity) =>
        activity.Conversation?.TenantId ?? activity.GetChannelData<TeamsChannelData>()?.Tenant?.Id ?? string.Empty;

    /// <summary>The team a channel or group-chat activity belongs to; null in a personal chat.</summary>
    public static Team? TeamOf(IActivity activity, DateTimeOffset now)
    {
        switch (ConversationScopes.ScopeOf(activity))
        {
            case ConversationScope.Channel:
                var team = activity.TeamsGetTeamInfo();
                return team?.Id is null
                    ? null
                    : new Team(team.Id, TenantIdOf(activity), team.Name, TeamKind.Team, team.Id, activity.ServiceUrl, now);
            case ConversationScope.GroupChat:
                return new Team(activity.Conversation.Id, TenantIdOf(activity), activity.Conversation.Name, TeamKind.GroupChat, activity.Conversation.Id, activity.ServiceUrl, now);
            default:
                return null;
        }
    }

    /// <summary>The sender's personal chat with the bot, when the activity comes from one.</summary>
    public static PersonalChat? PersonalChatOf(IActivity activity, string? timeZoneId) =>
        ConversationScopes.ScopeOf(activity) == ConversationScope.Personal && activity.From?.Id is { Length: > 0 } userId
            ? new PersonalChat(MemberIdOf(activity), TenantIdOf(activity), userId, activity.Conversation.Id, activity.ServiceUrl, timeZoneId)
            : null;
}
