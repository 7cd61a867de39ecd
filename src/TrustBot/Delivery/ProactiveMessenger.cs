using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Caching.Memory;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Teams;

namespace TrustBot.Delivery;

/// <summary>
/// <see cref="ITeamsMessenger"/> over the Bot Connector: messages to a member's 1:1 chat (created
/// the first time, then reused) and to a team's conversation, and roster reads. Every connector
/// request goes through <see cref="TeamsThrottle"/>, so the bot stays within Teams' rate limits
/// however many deliveries run at once. The 1:1 chats it looks up are kept in a bounded cache, so
/// a fan-out to members the bot has written to before reads no storage for them.
/// </summary>
public sealed class ProactiveMessenger(TrustBotAdapter adapter, ITeamStore teams, TeamsThrottle throttle, IConfiguration configuration) : ITeamsMessenger, IDisposable
{
    // Enough for the members of the teams one instance serves; a chat is a few hundred bytes.
    private const int CachedChats = 20_000;

    // A chat's conversation id does not change, but its service URL may (a tenant moved region):
    // an entry is read again from storage after this.
    private static readonly TimeSpan CacheChatsFor = TimeSpan.FromMinutes(10);

    // Empty locally (the Agents Playground needs no authentication); the bot's app id in Azure.
    private readonly string _botAppId = configuration["MicrosoftAppId"] ?? string.Empty;

    private readonly MemoryCache _chats = new(new MemoryCacheOptions { SizeLimit = CachedChats });

    /// <inheritdoc />
    public async Task SendToMemberAsync(Team team, RosterMember member, CardMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(message);
        var activity = message.ToActivity();
        var chat = await PersonalChatAsync(member.MemberId, cancellationToken).ConfigureAwait(false)
            ?? await CreatePersonalChatAsync(team, member, cancellationToken).ConfigureAwait(false);
        var reference = new ConversationReference
        {
            ChannelId = Channels.Msteams,
            ServiceUrl = chat.ServiceUrl,
            Conversation = new ConversationAccount(id: chat.ConversationId, tenantId: chat.TenantId, conversationType: "personal"),
            User = new ChannelAccount(chat.UserId),
            Bot = BotAccount,
        };
        await throttle.RunAsync(
            chat.TenantId,
            chat.ConversationId,
            () => adapter.ContinueConversationAsync(_botAppId, reference, (turn, ct) => turn.SendActivityAsync(activity, ct), CancellationToken.None),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The chat is looked up as for a send (a member who answered has one); none is created for a message that is not sent.</remarks>
    public async Task PaceToMemberAsync(Team team, RosterMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(member);
        var chat = await PersonalChatAsync(member.MemberId, cancellationToken).ConfigureAwait(false);
        await throttle.RunAsync(chat?.TenantId ?? team.TenantId, chat?.ConversationId ?? member.MemberId, () => Task.CompletedTask, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RosterMember>> GetRosterAsync(Team team, CancellationToken cancellationToken)
    {
        var roster = new List<RosterMember>();
        string? continuation = null;
        do
        {
            // 500 is the largest page Teams serves.
            var page = await InTeamAsync(team, turn => TeamsInfo.GetPagedMembersAsync(turn, 500, continuation, CancellationToken.None), cancellationToken).ConfigureAwait(false);
            roster.AddRange(page.Members.Where(m => !IsBot(m)).Select(RosterMemberOf));
            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));
        return roster;
    }

    /// <inheritdoc />
    public Task<RosterMember?> GetMemberAsync(Team team, string userId, CancellationToken cancellationToken) =>
        InTeamAsync<RosterMember?>(team, async turn =>
        {
            try
            {
                return RosterMemberOf(await TeamsInfo.GetMemberAsync(turn, userId, CancellationToken.None).ConfigureAwait(false));
            }
            catch (ErrorResponseException ex) when (ex.Response?.StatusCode == HttpStatusCode.NotFound)
            {
                // Not (or no longer) a member: Teams answers 404 MemberNotFoundInConversation.
                return null;
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task PostToTeamAsync(Team team, CardMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = message.ToActivity();
        return InTeamAsync<object?>(team, async turn =>
        {
            await turn.SendActivityAsync(activity, CancellationToken.None).ConfigureAwait(false);
            return null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _chats.Dispose();

    /// <summary>Whether a conversation member is a bot: Teams bot ids start with "28:"; people's with "29:" (or "8:orgid:" in some tenants).</summary>
    internal static bool IsBot(ChannelAccount member) => member.Id?.StartsWith("28:", StringComparison.Ordinal) == true;

    private ChannelAccount BotAccount => new("28:" + _botAppId);

    // One throttled connector request in the team's conversation.
    private async Task<T> InTeamAsync<T>(Team team, Func<ITurnContext, Task<T>> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var reference = new ConversationReference
        {
            ChannelId = Channels.Msteams,
            ServiceUrl = team.ServiceUrl,
            Conversation = new ConversationAccount(
                isGroup: true,
                id: team.ConversationId,
                tenantId: team.TenantId,
                conversationType: team.Kind == TeamKind.Team ? "channel" : "groupChat"),
            Bot = BotAccount,
        };
        T result = default!;
        await throttle.RunAsync(
            team.TenantId,
            team.ConversationId,
            () => adapter.ContinueConversationAsync(_botAppId, reference, async (turn, _) => result = await request(turn).ConfigureAwait(false), CancellationToken.None),
            cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<PersonalChat> CreatePersonalChatAsync(Team team, RosterMember member, CancellationToken cancellationToken)
    {
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = BotAccount,
            Members = [new ChannelAccount(member.UserId)],
            TenantId = team.TenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(team.TenantId) },
        };
        string? conversationId = null;
        // Creating a conversation counts against the tenant's budget and is a thread of its own (the
        // member's): keyed by the tenant, the per-thread limits would allow 2 new chats a second in all.
        await throttle.RunAsync(
            team.TenantId,
            member.UserId,
            () => adapter.CreateConversationAsync(_botAppId, Channels.Msteams, team.ServiceUrl, audience: null!, parameters, (turn, _) =>
            {
                conversationId = turn.Activity.Conversation.Id;
                return Task.CompletedTask;
            }, CancellationToken.None),
            cancellationToken).ConfigureAwait(false);
        var chat = new PersonalChat(member.MemberId, team.TenantId, member.UserId, conversationId!, team.ServiceUrl);
        await teams.SavePersonalChatAsync(chat, cancellationToken).ConfigureAwait(false);
        Remember(chat);
        return chat;
    }

    // The stored chat, from the cache when it was looked up lately; a member with none is not cached (the send creates one).
    private async Task<PersonalChat?> PersonalChatAsync(string memberId, CancellationToken cancellationToken)
    {
        if (_chats.TryGetValue(memberId, out PersonalChat? cached))
        {
            return cached;
        }

        var chat = await teams.GetPersonalChatAsync(memberId, cancellationToken).ConfigureAwait(false);
        if (chat is not null)
        {
            Remember(chat);
        }

        return chat;
    }

    private void Remember(PersonalChat chat) =>
        _chats.Set(chat.MemberId, chat, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CacheChatsFor });

    // The Entra object id is the member's stable id; the Teams user id stands in when Teams gives none.
    private static RosterMember RosterMemberOf(TeamsChannelAccount member) =>
        new(member.AadObjectId is { Length: > 0 } objectId ? objectId : member.Id, member.Id, member.Name);
}
