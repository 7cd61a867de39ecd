using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using TrustBot.Bot;
using TrustBot.Domain.Teams;

namespace TrustBot.Delivery;

/// <summary>
/// <see cref="ITeamsMessenger"/> over the Bot Connector: messages to a member's 1:1 chat (created
/// the first time, then reused) and to a team's conversation. Pulses use it now; the scheduler
/// reuses it for timed deliveries.
/// </summary>
public sealed class ProactiveMessenger(TrustBotAdapter adapter, ITeamStore teams, IConfiguration configuration) : ITeamsMessenger
{
    // Empty locally (the Agents Playground needs no authentication); the bot's app id in Azure.
    private readonly string _botAppId = configuration["MicrosoftAppId"] ?? string.Empty;

    /// <inheritdoc />
    public async Task SendToMemberAsync(Team team, RosterMember member, IActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(member);
        var chat = await teams.GetPersonalChatAsync(member.MemberId, cancellationToken).ConfigureAwait(false);
        if (chat is not null)
        {
            var reference = new ConversationReference
            {
                ChannelId = Channels.Msteams,
                ServiceUrl = chat.ServiceUrl,
                Conversation = new ConversationAccount(id: chat.ConversationId, tenantId: chat.TenantId, conversationType: "personal"),
                User = new ChannelAccount(chat.UserId),
                Bot = BotAccount,
            };
            await adapter.ContinueConversationAsync(_botAppId, reference, (turn, ct) => turn.SendActivityAsync(activity, ct), cancellationToken).ConfigureAwait(false);
            return;
        }

        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = BotAccount,
            Members = [new ChannelAccount(member.UserId)],
            TenantId = team.TenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(team.TenantId) },
        };
        await adapter.CreateConversationAsync(_botAppId, Channels.Msteams, team.ServiceUrl, audience: null!, parameters, async (turn, ct) =>
        {
            var created = new PersonalChat(member.MemberId, team.TenantId, member.UserId, turn.Activity.Conversation.Id, team.ServiceUrl);
            await teams.SavePersonalChatAsync(created, ct).ConfigureAwait(false);
            await turn.SendActivityAsync(activity, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RosterMember>> GetRosterAsync(Team team, CancellationToken cancellationToken)
    {
        var roster = new List<RosterMember>();
        await ContinueInTeamAsync(team, async (turn, ct) =>
        {
            string? continuation = null;
            do
            {
                // 500 is the largest page Teams serves.
                var page = await TeamsInfo.GetPagedMembersAsync(turn, 500, continuation, ct).ConfigureAwait(false);
                roster.AddRange(page.Members
                    .Where(m => !IsBot(m))
                    .Select(m => new RosterMember(m.AadObjectId is { Length: > 0 } objectId ? objectId : m.Id, m.Id, m.Name)));
                continuation = page.ContinuationToken;
            }
            while (!string.IsNullOrEmpty(continuation));
        }, cancellationToken).ConfigureAwait(false);
        return roster;
    }

    /// <inheritdoc />
    public Task ContinueInTeamAsync(Team team, BotCallbackHandler callback, CancellationToken cancellationToken)
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
        return adapter.ContinueConversationAsync(_botAppId, reference, callback, cancellationToken);
    }

    private ChannelAccount BotAccount => new("28:" + _botAppId);

    // Teams bot ids start with "28:"; people's with "29:" (or "8:orgid:" in some tenants).
    private static bool IsBot(TeamsChannelAccount member) => member.Id?.StartsWith("28:", StringComparison.Ordinal) == true;
}
