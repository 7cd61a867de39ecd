using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Moq;
using TrustBot.Domain.Teams;
using TrustBot.Tests.Pulse;

namespace TrustBot.Tests.Summary;

/// <summary>What the bot posts to a testbed's team channel, kept for the test to read.</summary>
public static class ChannelPosts
{
    /// <summary>
    /// The messenger is a mock: from now on, what the bot posts to the channel runs against a test
    /// adapter, and the activities it sends are added to the list returned.
    /// </summary>
    public static List<IActivity> Capture(PulseTestbed bed)
    {
        ArgumentNullException.ThrowIfNull(bed);
        var posted = new List<IActivity>();
        bed.Messenger
            .Setup(m => m.ContinueInTeamAsync(It.IsAny<Team>(), It.IsAny<BotCallbackHandler>(), It.IsAny<CancellationToken>()))
            .Returns(async (Team _, BotCallbackHandler callback, CancellationToken cancellationToken) =>
            {
                var adapter = new TestAdapter(Channels.Msteams);
                using var turn = new TurnContext(adapter, new Activity(ActivityTypes.Event) { Conversation = new ConversationAccount(id: bed.TeamId) });
                await callback(turn, cancellationToken);
                while (adapter.GetNextReply() is { } reply)
                {
                    posted.Add(reply);
                }
            });
        return posted;
    }
}
