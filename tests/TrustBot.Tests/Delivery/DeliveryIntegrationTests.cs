using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Delivery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Pulse;
using TrustBot.Scheduling;
using TrustBot.Storage.Delivery;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Delivery.DeliveryStack;

namespace TrustBot.Tests.Delivery;

/// <summary>
/// Proactive delivery end to end: real hosts with background workers, the delivery queue and
/// ledger on Azurite, and a fake Bot Connector on loopback standing in for Teams. Each test checks
/// what members would notice: every member gets the card exactly once, whatever goes wrong.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeliveryIntegrationTests(AzuriteFixture azurite)
{
    private const int TeamSize = 200;

    // A fan-out long enough to kill a process in the middle of.
    private const int LargeTeamSize = 1000;

    // Tests about one member's fate need no crowd.
    private const int SmallTeamSize = 20;

    [Fact]
    public async Task A_run_for_200_members_delivers_one_pulse_card_to_each_and_leaves_nothing_to_send_later()
    {
        await using var stack = await StartAsync(azurite, TeamSize);
        var host = stack.StartHost();
        await stack.StoreTeamAsync(host);

        var opened = await stack.OpenRunAsync(host);
        await stack.AllReceivedAsync(stack.Roster);
        await StopWorkersAsync(host);

        opened.FanOut.Should().Be(new FanOutResult(TeamSize, 0));
        EachMemberGotOneCard(stack);
        stack.Connector.Received.Should().OnlyContain(card => card.CardText().Contains(opened.FirstQuestion), "the card asks the run's questions");
        (await QueuedAsync(host)).Should().Be(0, "a message left in the queue would be sent again later");
    }

    [Fact]
    public async Task Two_bot_instances_on_the_same_storage_deliver_each_card_once_not_twice()
    {
        await using var stack = await StartAsync(azurite, TeamSize);
        var first = stack.StartHost();
        var second = stack.StartHost();
        await stack.StoreTeamAsync(first);

        await stack.OpenRunAsync(first);
        await stack.AllReceivedAsync(stack.Roster);
        await Task.WhenAll(StopWorkersAsync(first), StopWorkersAsync(second));

        EachMemberGotOneCard(stack);
        (await QueuedAsync(first)).Should().Be(0);
    }

    [Fact]
    public async Task A_host_stopped_in_the_middle_of_a_fan_out_leaves_the_rest_to_the_next_host_which_sends_no_duplicate()
    {
        await using var stack = await StartAsync(azurite, TeamSize);
        // Slow enough that a fan-out of 200 takes two seconds or more, so there is a middle to stop
        // in; what the stopped host was receiving as it stopped comes back 3 s later.
        var stopped = stack.StartHost(new Dictionary<string, string?>(QuickReturn) { ["Delivery:MessagesPerSecondPerTenant"] = "100" });
        await stack.StoreTeamAsync(stopped);
        await stack.OpenRunAsync(stopped);

        await stack.Connector.WaitForDeliveriesAsync(60, Patience);
        await stopped.DisposeAsync();
        var deliveredBeforeTheStop = stack.Connector.Received.Count;
        var restarted = stack.StartHost(new Dictionary<string, string?> { ["Delivery:MessagesPerSecondPerTenant"] = "100" });
        await stack.AllReceivedAsync(stack.Roster);
        await StopWorkersAsync(restarted);

        deliveredBeforeTheStop.Should().BeLessThan(TeamSize, "the host was stopped before the fan-out ended");
        EachMemberGotOneCard(stack);
        (await QueuedAsync(restarted)).Should().Be(0);
    }

    [Fact]
    public async Task A_host_process_killed_mid_fan_out_to_1000_leaves_the_rest_to_the_next_which_repeats_only_cards_the_dead_one_had_in_hand()
    {
        await using var stack = await StartAsync(azurite, LargeTeamSize);
        // This host only queues: the fan-out is delivered by bot processes of their own.
        var queueing = stack.StartHost(new Dictionary<string, string?> { ["Delivery:Enabled"] = "false" });
        await stack.StoreTeamAsync(queueing);
        await stack.OpenRunAsync(queueing);
        // 200 a second makes a fan-out of 1,000 last several seconds: there is a middle to kill it in.
        // What the killed process held comes back 5 s later.
        var pace = new Dictionary<string, string?> { ["Delivery:MessagesPerSecondPerTenant"] = "200", ["Delivery:VisibilityTimeout"] = "00:00:05" };

        var killed = await stack.StartProcessAsync(pace);
        await stack.Connector.WaitForDeliveriesAsync(300, Patience);
        killed.Kill();
        var deliveredBeforeTheKill = stack.Connector.Received.Count;
        var inHandOfTheKilled = await BeingSentAsync(queueing);
        await stack.StartProcessAsync(pace);
        await stack.AllReceivedAsync(stack.Roster);
        await stack.QueueEmptiedAsync(queueing);

        deliveredBeforeTheKill.Should().BeLessThan(LargeTeamSize, "the process was killed before the fan-out ended");
        var cards = stack.Roster.ToDictionary(m => m.MemberId, m => stack.Connector.DeliveredTo(m.UserId));
        cards.Values.Should().OnlyContain(count => count >= 1, "every member gets the card ({0})", stack.Connector);
        cards.Where(c => c.Value > 1).Select(c => c.Key).Should().BeSubsetOf(
            inHandOfTheKilled, "only a card the killed process had claimed and not yet recorded as sent can be sent again");
        cards.Values.Should().OnlyContain(count => count <= 2);
        inHandOfTheKilled.Count.Should().BeLessThanOrEqualTo(
            8 * PendingDeliveries.RecipientsPerMessage, "a process holds at most Delivery:Concurrency messages of 32 members");
    }

    [Fact]
    public async Task A_card_Teams_accepted_but_answered_504_for_is_sent_again_so_that_member_sees_it_twice_and_nobody_misses_one()
    {
        await using var stack = await StartAsync(azurite, SmallTeamSize);
        var host = stack.StartHost();
        await stack.StoreTeamAsync(host);
        stack.Connector.AcceptThenFailNext(3, 504);

        await stack.OpenRunAsync(host);
        await stack.AllReceivedAsync(stack.Roster);
        await stack.Connector.WaitForDeliveriesAsync(SmallTeamSize + 3, Patience);
        await StopWorkersAsync(host);

        stack.Connector.ServerErrors.Should().Be(3);
        stack.Roster.Should().OnlyContain(m => stack.Connector.DeliveredTo(m.UserId) >= 1, "a 504 never loses a card");
        stack.Connector.Received.Should().HaveCount(
            SmallTeamSize + 3, "each card Teams accepted but answered 504 for was sent once more (the duplicate the README documents), and nothing else was");
        (await QueuedAsync(host)).Should().Be(0);
    }

    [Fact]
    public async Task A_storm_of_429s_from_Teams_slows_delivery_down_but_loses_no_card()
    {
        await using var stack = await StartAsync(azurite, TeamSize);
        var host = stack.StartHost();
        await stack.StoreTeamAsync(host);
        stack.Connector.FailNext(150, 429, retryAfter: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await stack.OpenRunAsync(host);
        await stack.AllReceivedAsync(stack.Roster);
        clock.Stop();
        await StopWorkersAsync(host);

        stack.Connector.Throttled.Should().Be(150, "every 429 was answered by trying again");
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), "the bot waited as long as Retry-After said");
        EachMemberGotOneCard(stack);
        (await QueuedAsync(host)).Should().Be(0);
    }

    [Fact]
    public async Task A_member_who_blocked_the_bot_is_marked_unreachable_and_the_next_run_does_not_write_to_them_again()
    {
        await using var stack = await StartAsync(azurite, SmallTeamSize);
        var blocked = stack.Roster[6];
        var others = stack.Roster.Where(m => m != blocked).ToList();
        stack.Connector.RefuseMember(blocked.UserId, 403);
        var firstDay = stack.StartHost();
        await stack.StoreTeamAsync(firstDay);

        var first = await stack.OpenRunAsync(firstDay);
        await stack.AllReceivedAsync(others);
        await stack.Connector.WaitUntilAsync(connector => connector.Refused >= 1, Patience);
        await StopWorkersAsync(firstDay);
        var roster = await firstDay.Services.GetRequiredService<ITeamRosterStore>().GetAsync(stack.Team.Id, CancellationToken.None);
        var refusalsOnTheFirstRun = stack.Connector.Refused;
        await firstDay.Services.GetRequiredService<PulseService>().CloseAsync(first.Run, CancellationToken.None);
        var nextDay = stack.StartHost();
        var second = await stack.OpenRunAsync(nextDay);
        await stack.AllReceivedAsync(others, cards: 2);
        await StopWorkersAsync(nextDay);

        roster.Should().ContainSingle(entry => !entry.IsReachable).Which.Member.Should().Be(blocked);
        second.FanOut.Should().Be(new FanOutResult(others.Count, Unreachable: 1));
        stack.Connector.Refused.Should().Be(refusalsOnTheFirstRun, "the bot asked Teams nothing more for the member who blocked it");
        stack.Connector.DeliveredTo(blocked.UserId).Should().Be(0);
        others.Should().OnlyContain(m => stack.Connector.DeliveredTo(m.UserId) == 2, "everyone else gets one card per run");
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_given_up_after_its_attempts_and_readyz_reports_it()
    {
        await using var stack = await StartAsync(azurite, SmallTeamSize);
        var unlucky = stack.Roster[3];
        var others = stack.Roster.Where(m => m != unlucky).ToList();
        // The fake fails sends globally, not per member; the unlucky member's chat is served by a
        // second connector (as if their region's were down) that answers every send with 500.
        await using var brokenRegion = await FakeBotConnector.StartAsync();
        brokenRegion.FailNext(1000, 500);
        // Attempts are a visibility timeout apart.
        var host = stack.StartHost(QuickReturn);
        await stack.StoreTeamAsync(host);
        await host.Services.GetRequiredService<ITeamStore>().SavePersonalChatAsync(
            new PersonalChat(unlucky.MemberId, TenantId, unlucky.UserId, "a:personal-" + unlucky.UserId, brokenRegion.ServiceUrl), CancellationToken.None);

        await stack.OpenRunAsync(host);
        await stack.AllReceivedAsync(others);
        await GivenUpAsync(host, expected: 1);
        await StopWorkersAsync(host);
        using var readyz = await host.CreateClient().GetAsync("/readyz");

        readyz.StatusCode.Should().Be(HttpStatusCode.OK, "a given-up delivery degrades the bot but it still serves");
        var report = JsonNode.Parse(await readyz.Content.ReadAsStringAsync())!;
        report["checks"]!["delivery"]!["status"]!.GetValue<string>().Should().Be("Degraded");
        report["checks"]!["delivery"]!["data"]!["failed"]!.GetValue<int>().Should().Be(1);
        brokenRegion.ServerErrors.Should().BeGreaterThanOrEqualTo(3, "each of the 3 attempts tried to send");
        brokenRegion.Received.Should().BeEmpty();
        stack.Connector.DeliveredTo(unlucky.UserId).Should().Be(0);
        others.Should().OnlyContain(m => stack.Connector.DeliveredTo(m.UserId) == 1);
        (await QueuedAsync(host)).Should().Be(0, "the failing delivery left the queue for the failures table");
    }

    [Fact]
    public async Task Closing_a_run_tells_the_team_channel_once_how_many_members_answered()
    {
        await using var stack = await StartAsync(azurite, SmallTeamSize);
        var host = stack.StartHost();
        await stack.StoreTeamAsync(host);
        var opened = await stack.OpenRunAsync(host);
        await stack.AllReceivedAsync(stack.Roster);
        var close = host.Services.GetServices<IJobHandler>().Single(handler => handler.Kind == JobKind.ClosePulse);
        var now = DateTimeOffset.UtcNow;

        await close.RunAsync(new ScheduledJob(JobIds.For(JobKind.ClosePulse, stack.Team.Id, opened.Run.RunId, now), JobKind.ClosePulse, stack.Team.Id, now, opened.Run.RunId), CancellationToken.None);
        await stack.Connector.WaitUntilAsync(connector => connector.Received.Any(InTheChannel), Patience);
        await StopWorkersAsync(host);

        var note = stack.Connector.Received.Where(InTheChannel).Should().ContainSingle().Subject;
        note.CardText().Should().Contain("This pulse has closed").And.Contain($"0 of {SmallTeamSize} members answered");
        (await QueuedAsync(host)).Should().Be(0);
    }

    private static bool InTheChannel(ReceivedActivity activity) => activity.ConversationId == TeamConversationId;

    private static void EachMemberGotOneCard(DeliveryStack stack)
    {
        var counts = stack.Roster.ToDictionary(m => m.UserId, m => stack.Connector.DeliveredTo(m.UserId));
        counts.Where(c => c.Value != 1).Should().BeEmpty("every member gets the card exactly once ({0})", stack.Connector);
        stack.Connector.Received.Should().HaveCount(stack.Roster.Count, "nothing is sent anywhere else");
        stack.Connector.Received.Select(activity => activity.Text ?? activity.CardText())
            .Where(shown => !shown.Contains("Trust pulse"))
            .Should().BeEmpty("what each member got is the pulse card, nothing else");
    }

    // The only wait here that the fake cannot signal: a delivery is given up on the receive after
    // its last attempt, once the queue's visibility timeout (real time) has passed, and that
    // receive sends nothing. So the failures table is polled, briefly and within a bound.
    private static async Task GivenUpAsync(TrustBotHost host, int expected)
    {
        var failures = host.Services.GetRequiredService<DeliveryFailures>();
        var deadline = Stopwatch.StartNew();
        while (await failures.CountAsync(expected + 1, CancellationToken.None) < expected)
        {
            deadline.Elapsed.Should().BeLessThan(Patience, "a delivery that keeps failing is given up after its last attempt");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
