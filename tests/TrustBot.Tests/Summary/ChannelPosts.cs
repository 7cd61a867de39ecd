using Microsoft.Bot.Schema;
using Moq;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Teams;
using TrustBot.Tests.Pulse;

namespace TrustBot.Tests.Summary;

/// <summary>What the bot posts to a testbed's team channel, kept for the test to read.</summary>
public static class ChannelPosts
{
    /// <summary>
    /// The messenger is a mock: from now on, what the bot posts to the channel is added to the list
    /// returned, as the activity Teams would receive.
    /// </summary>
    public static List<IActivity> Capture(PulseTestbed bed)
    {
        ArgumentNullException.ThrowIfNull(bed);
        var posted = new List<IActivity>();
        bed.Messenger
            .Setup(m => m.PostToTeamAsync(It.IsAny<Team>(), It.IsAny<CardMessage>(), It.IsAny<CancellationToken>()))
            .Callback((Team _, CardMessage message, CancellationToken _) => posted.Add(message.ToActivity()))
            .Returns(Task.CompletedTask);
        return posted;
    }
}
