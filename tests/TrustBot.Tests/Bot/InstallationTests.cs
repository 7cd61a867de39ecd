using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Hosting.TeamsActivities;

namespace TrustBot.Tests.Bot;

[Collection(AzuriteCollection.Name)]
public sealed class InstallationTests : IDisposable
{
    private const string TeamId = "19:installed@thread.tacv2";
    private const string Alex = "00000000-0000-0000-0000-0000000000aa";
    private const string Blair = "00000000-0000-0000-0000-0000000000bb";
    private readonly AzuriteFixture _azurite;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly TrustBotHost _host;

    public InstallationTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _host = Host(retention: "2.00:00:00");
    }

    public void Dispose() => _host.Dispose();

    private TrustBotHost Host(string retention) => TrustBotHost.OnAzurite(
        _azurite.ConnectionString,
        _azurite.UniquePrefix(),
        testServices: services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
            // The planner runs when the test says, on the test's clock.
            services.Configure<SchedulerOptions>(options => options.Enabled = false);
        },
        extra: new Dictionary<string, string?> { ["Retention:AfterUninstall"] = retention });

    private ITeamStore Teams => _host.Services.GetRequiredService<ITeamStore>();

    private static JsonObject InTeam(JsonObject activity, string from = Alex)
    {
        activity["from"] = new JsonObject { ["id"] = "29:1" + from[^2..], ["aadObjectId"] = from, ["name"] = from == Alex ? "Alex" : "Blair" };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Installed" },
        };
        return activity;
    }

    private static JsonObject BotRemoved(string from)
    {
        var removed = InTeam(BotInstalled("channel", TeamId), from);
        removed.Remove("membersAdded");
        removed["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = BotId });
        return removed;
    }

    private Task<int> RunDueJobsAsync() => _host.Services.GetRequiredService<JobPlanner>().RunDueJobsAsync(CancellationToken.None);

    [Fact]
    public async Task Installing_in_a_team_records_it_and_makes_the_installer_its_lead()
    {
        await _host.CreateClient().PostExpectingRepliesAsync(InTeam(BotInstalled("channel", TeamId)));

        (await Teams.GetTeamAsync(TeamId, CancellationToken.None)).Should().NotBeNull().And.Match<Team>(t => t.Name == "Installed");
        (await Teams.GetMembershipAsync(Alex, TeamId, CancellationToken.None))!.Role.Should().Be(TeamRole.Lead);
    }

    [Fact]
    public async Task Removing_the_bot_from_a_team_ends_its_roles_and_keeps_its_data_only_for_the_retention_window()
    {
        var client = _host.CreateClient();
        await client.PostExpectingRepliesAsync(InTeam(BotInstalled("channel", TeamId)));

        var replies = await client.PostExpectingRepliesAsync(BotRemoved(Blair));

        replies.Should().BeEmpty();
        (await Teams.GetTeamAsync(TeamId, CancellationToken.None)).Should().BeNull();
        (await Teams.GetMembershipAsync(Alex, TeamId, CancellationToken.None)).Should().BeNull();
        (await Teams.GetUninstalledAtAsync(TeamId, CancellationToken.None)).Should().Be(_clock.GetUtcNow(), "the team's data is kept meanwhile");

        _clock.Advance(TimeSpan.FromDays(2));
        await RunDueJobsAsync();
        (await Teams.GetUninstalledAtAsync(TeamId, CancellationToken.None)).Should().BeNull("the configured two days are over: everything is purged");
    }

    [Fact]
    public async Task A_reinstall_makes_its_installer_the_only_lead_and_the_old_lead_is_refused_in_the_channel()
    {
        var client = _host.CreateClient();
        await client.PostExpectingRepliesAsync(InTeam(BotInstalled("channel", TeamId)));
        await client.PostExpectingRepliesAsync(BotRemoved(Blair));

        await client.PostExpectingRepliesAsync(InTeam(BotInstalled("channel", TeamId), from: Blair));

        var refused = await client.PostExpectingRepliesAsync(InTeam(ChannelMessage("<at>TrustBot</at> summary")));
        ((string?)refused.Single()!["text"]).Should().Contain("Only a lead of this team can do that");
        var summary = await client.PostExpectingRepliesAsync(InTeam(ChannelMessage("<at>TrustBot</at> summary"), from: Blair));
        TextOf(CardOf(summary.Single())).Should().Contain("Trust summary");
        (await Teams.GetMembershipAsync(Blair, TeamId, CancellationToken.None))!.Role.Should().Be(TeamRole.Lead);
    }

    [Theory]
    [InlineData("-1.00:00:00")]
    [InlineData("366.00:00:00")]
    [InlineData("thirty days")]
    public void A_retention_that_is_negative_over_a_year_or_not_a_duration_stops_the_host_with_a_message_naming_the_setting(string retention)
    {
        using var host = Host(retention);

        var start = () => host.CreateClient();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("Retention:AfterUninstall", StringComparison.Ordinal));
    }
}
