using Microsoft.Bot.Schema;

namespace TrustBot.Bot;

/// <summary>Where a conversation with the bot happens in Teams.</summary>
public enum ConversationScope
{
    /// <summary>A 1:1 chat between one person and the bot.</summary>
    Personal,

    /// <summary>A group chat the bot was added to.</summary>
    GroupChat,

    /// <summary>A channel of a team the bot was installed in.</summary>
    Channel,
}

/// <summary>Reads the <see cref="ConversationScope"/> of an activity.</summary>
public static class ConversationScopes
{
    /// <summary>The scope Teams reports in <c>conversation.conversationType</c>; personal when absent.</summary>
    public static ConversationScope ScopeOf(IActivity activity) =>
        activity?.Conversation?.ConversationType switch
        {
            "channel" => ConversationScope.Channel,
            "groupChat" => ConversationScope.GroupChat,
            _ => ConversationScope.Personal,
        };
}
