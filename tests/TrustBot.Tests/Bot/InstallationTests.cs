using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Hosting.TeamsActivities;

namespace TrustBot.Tests.Bot;

[Collection(AzuriteCollection.Name)]
public sealed class InstallationTests(AzuriteFixture azurite) : IDisposable
{
    private const string TeamId = "19:installed@thread.tacv2";
    private readonly TrustBotHost _host = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix());

    public void Dispose() => _host.Dispose();

    private static JsonObject InTeam(JsonObject activity)
    {
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Installed" },
        };
        return activity;
    }

    [Fact]
    public async Task Installing_in_a_team_records_it_and_makes_the_installer_its_lead()
    {
        await _host.CreateClient().PostExpectingRepliesAsync(InTeam(BotInstalled("channel", TeamId)));

        var teams = _host.Services.GetRequiredService<ITeamStore>();
        (await teams.GetTeamAsync(TeamId, CancellationToken.None)).Should().NotBeNull().And.Match<Team>(t => t.Name == "Installed");
        (await teams.GetMembershipAsync("00000000-0000-0000-0000-0000000000aa", TeamId, CancellationToken.None))!.Role.Should().Be(TeamRole.Lead);
    }

    [Fact]
    public async Task Removing_the_bot_from_a_team_deletes_what_it_kept_about_the_team()
    {
        var client = _host.CreateClient();
        await client.PostExpectingRepliesAsync(InTeam(BotInstalled("channel", TeamId)));
        var removed = InTeam(BotInstalled("channel", TeamId));
        removed.Remove("membersAdded");
        removed["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = BotId });

        var replies = await client.PostExpectingRepliesAsync(removed);

        replies.Should().BeEmpty();
        (await _host.Services.GetRequiredService<ITeamStore>().GetTeamAsync(TeamId, CancellationToken.None)).Should().BeNull();
    }
}
