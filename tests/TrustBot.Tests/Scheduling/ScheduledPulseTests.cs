using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Moq;
using TrustBot.Cards;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Storage.Delivery;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Scheduling;

/// <summary>
/// A team's schedule drives its check-ins: runs open on time, non-responders are reminded once,
/// runs close and the channel hears it, and the next run is planned — all through the jobs and the
/// delivery queue, with the clock moved by hand.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduledPulseTests(AzuriteFixture azurite) : IDisposable
{
    // The testbed's clock starts on Monday 23 November 2026, 09:00 UTC (10:00 in Berlin).
    private readonly PulseTestbed _bed = new(azurite);

    public void Dispose() => _bed.Dispose();

    private async Task<TeamSchedule> ScheduleAsync(DayOfWeek day, int hour, int windowDays = 3, bool reminders = true)
    {
        await _bed.InstallAsync(Lead);
        var saved = await _bed.Service<ITeamScheduleStore>().SaveAsync(
            new TeamSchedule(_bed.TeamId, ScheduleCadence.Weekly, day, new TimeOnly(hour, 0), "Europe/Berlin", windowDays, reminders, new DateOnly(2026, 11, 23), 0),
            CancellationToken.None);
        await _bed.Service<PulseScheduler>().PlanNextRunAsync(saved, CancellationToken.None);
        return saved;
    }

    private Task<IReadOnlyList<PulseRun>> RunsAsync() => _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 10, CancellationToken.None);

    [Fact]
    public async Task A_scheduled_run_opens_at_the_teams_local_time_and_every_member_gets_the_card()
    {
        // Wednesday 10:00 in Berlin is 09:00 UTC in November.
        await ScheduleAsync(DayOfWeek.Wednesday, 10);

        await _bed.AdvanceAsync(TimeSpan.FromHours(47) + TimeSpan.FromMinutes(59));
        (await RunsAsync()).Should().BeEmpty("the run is not due until 10:00 Berlin time");
        _bed.CardsSentTo(Megan).Should().BeEmpty();

        await _bed.AdvanceAsync(TimeSpan.FromMinutes(1));

        var run = (await RunsAsync()).Should().ContainSingle().Subject;
        run.OpensAt.Should().Be(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        run.ClosesAt.Should().Be(run.OpensAt.AddDays(3));
        foreach (var member in _bed.Roster)
        {
            TextOf(_bed.CardsSentTo(member).Should().ContainSingle().Subject).Should().Contain("Trust pulse");
        }
    }

    [Fact]
    public async Task Members_who_have_not_answered_are_reminded_once_a_day_before_it_closes_and_those_who_answered_are_not()
    {
        await ScheduleAsync(DayOfWeek.Monday, 10);
        await _bed.AdvanceAsync(TimeSpan.FromDays(7));
        var firstCard = _bed.CardsSentTo(Megan).Single();
        await _bed.ClickAsync(Megan, "pulse.submit", Answer(firstCard, 4));

        await _bed.AdvanceAsync(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        _bed.CardsSentTo(Adele).Should().ContainSingle("the reminder comes a day before the close, not earlier");

        await _bed.AdvanceAsync(TimeSpan.FromMinutes(1));
        _bed.CardsSentTo(Adele).Should().HaveCount(2);
        _bed.CardsSentTo(Isaiah).Should().HaveCount(2);
        _bed.CardsSentTo(Megan).Should().ContainSingle("Megan answered, so she is not reminded");

        await _bed.AdvanceAsync(TimeSpan.FromHours(12));
        _bed.CardsSentTo(Adele).Should().HaveCount(2, "there is one reminder, not one per tick");
    }

    [Fact]
    public async Task No_reminder_goes_out_when_the_schedule_turns_reminders_off()
    {
        await ScheduleAsync(DayOfWeek.Monday, 10, reminders: false);
        await _bed.AdvanceAsync(TimeSpan.FromDays(7));

        await _bed.AdvanceAsync(TimeSpan.FromDays(2));

        _bed.CardsSentTo(Adele).Should().ContainSingle();
    }

    [Fact]
    public async Task The_run_closes_when_its_window_ends_the_channel_hears_it_and_the_next_run_opens_a_week_later()
    {
        await ScheduleAsync(DayOfWeek.Monday, 10, windowDays: 2);
        await _bed.AdvanceAsync(TimeSpan.FromDays(7));

        await _bed.AdvanceAsync(TimeSpan.FromDays(2));

        var closed = (await RunsAsync()).Should().ContainSingle().Subject;
        closed.State.Should().Be(PulseRunState.Closed);
        (await _bed.Pulses.GetRecentRollupsAsync(_bed.TeamId, 1, CancellationToken.None)).Should().ContainSingle(r => r.RunId == closed.RunId);
        _bed.Messenger.Verify(m => m.PostToTeamAsync(It.Is<Team>(t => t.Id == _bed.TeamId), It.IsAny<CardMessage>(), It.IsAny<CancellationToken>()), Times.Once);

        await _bed.AdvanceAsync(TimeSpan.FromDays(5));

        (await RunsAsync()).Should().HaveCount(2);
        // Nobody answered the first, so besides the two pulses Megan heard that too few answered to show results.
        var sent = _bed.CardsSentTo(Megan).Select(card => TextOf(card)).ToList();
        sent.Should().HaveCount(3);
        sent.Count(text => text.StartsWith("Trust pulse", StringComparison.Ordinal)).Should().Be(2);
        sent.Should().ContainSingle(text => text.Contains("The pulse has closed") && text.Contains("fewer than the 3 needed"));
    }

    [Fact]
    public async Task A_close_a_lead_made_by_hand_that_died_before_removing_the_answers_is_finished_by_the_scheduled_close()
    {
        await _bed.InstallAsync(Lead);
        await _bed.SayInChannelAsync(Lead, "start pulse");
        var run = (await RunsAsync()).Single();
        await _bed.ClickAsync(Megan, "pulse.submit", Answer(_bed.CardsSentTo(Megan).Single(), 4, comment: "kept once"));
        await _bed.SayInChannelAsync(Lead, "close pulse");
        // What that close would have left had it died after storing the roll-up: an answer still sealed in storage.
        var key = _bed.Keys.AnswerKey(run.RunId, Adele.MemberId);
        var leftOver = _bed.Service<AnswerSeal>().Seal(run.TeamId, run.RunId, key, new PulseAnswer(new Dictionary<string, int>(), [], [], "left over"));
        await _bed.Pulses.SaveAnswerAsync(run.TeamId, run.RunId, key, leftOver, CancellationToken.None);

        await _bed.AdvanceAsync(TimeSpan.FromDays(3));

        (await _bed.Pulses.GetAnswersAsync(run.TeamId, run.RunId, CancellationToken.None)).Should().BeEmpty("the scheduled close finishes what the first left");
        (await _bed.Pulses.GetCommentsAsync(run.TeamId, run.RunId, CancellationToken.None)).Should().Equal("kept once");
        (await _bed.Pulses.GetRecentRollupsAsync(run.TeamId, 1, CancellationToken.None)).Single().Responded.Should().Be(1, "the roll-up is not made twice");
    }

    [Fact]
    public async Task A_week_long_run_closes_when_the_next_opens_even_when_the_clocks_go_forward_in_between()
    {
        // Berlin moves to summer time on Sunday 28 March 2027: that Monday-to-Monday week is 167 hours.
        _bed.Clock.Advance(new DateTimeOffset(2027, 3, 20, 9, 0, 0, TimeSpan.Zero) - _bed.Clock.GetUtcNow());
        await ScheduleAsync(DayOfWeek.Monday, 10, windowDays: 7);
        await _bed.AdvanceAsync(TimeSpan.FromDays(2));
        var first = (await RunsAsync()).Single();
        first.OpensAt.Should().Be(new DateTimeOffset(2027, 3, 22, 9, 0, 0, TimeSpan.Zero));
        first.ClosesAt.Should().Be(new DateTimeOffset(2027, 3, 29, 8, 0, 0, TimeSpan.Zero), "10:00 in Berlin is 08:00 UTC once summer time starts");

        await _bed.AdvanceAsync(TimeSpan.FromHours(167));

        var runs = await RunsAsync();
        runs.Should().HaveCount(2, "the next run opens on time instead of finding the last one still open");
        runs[0].OpensAt.Should().Be(new DateTimeOffset(2027, 3, 29, 8, 0, 0, TimeSpan.Zero));
        runs[1].State.Should().Be(PulseRunState.Closed);
        _bed.CardsSentTo(Megan).Should().HaveCount(2);
    }

    [Fact]
    public async Task Saving_the_schedule_again_replaces_the_planned_run_instead_of_adding_one()
    {
        var first = await ScheduleAsync(DayOfWeek.Wednesday, 10);
        var second = await _bed.Service<ITeamScheduleStore>().SaveAsync(first with { Day = DayOfWeek.Thursday }, CancellationToken.None);
        await _bed.Service<PulseScheduler>().PlanNextRunAsync(second, CancellationToken.None);

        await _bed.AdvanceAsync(TimeSpan.FromDays(2));
        (await RunsAsync()).Should().BeEmpty("Wednesday's run belonged to the schedule before the change");

        await _bed.AdvanceAsync(TimeSpan.FromDays(1));
        (await RunsAsync()).Should().ContainSingle();
        _bed.CardsSentTo(Megan).Should().ContainSingle();
    }

    [Fact]
    public async Task An_opening_job_run_twice_after_a_crash_opens_one_run_and_sends_each_card_once()
    {
        await ScheduleAsync(DayOfWeek.Monday, 10);
        _bed.Clock.Advance(TimeSpan.FromDays(7));
        var jobs = _bed.Service<IJobStore>();
        var job = (await jobs.GetDueAsync(_bed.Clock.GetUtcNow(), 10, CancellationToken.None)).Single(j => j.Kind == JobKind.OpenPulse);
        var open = _bed.Service<IEnumerable<IJobHandler>>().Single(handler => handler.Kind == JobKind.OpenPulse);

        await open.RunAsync(job, CancellationToken.None);
        // The instance died before deleting the job: the next tick finds it again, with its progress.
        var again = (await jobs.GetDueAsync(_bed.Clock.GetUtcNow(), 10, CancellationToken.None)).Single(j => j.JobId == job.JobId);
        await open.RunAsync(again, CancellationToken.None);
        await _bed.DeliverQueuedAsync();

        (await RunsAsync()).Should().ContainSingle();
        foreach (var member in _bed.Roster)
        {
            _bed.CardsSentTo(member).Should().ContainSingle();
        }
    }

    [Fact]
    public async Task The_same_delivery_queued_twice_is_sent_once()
    {
        await _bed.InstallAsync(Lead);
        await _bed.SayInChannelAsync(Lead, "start pulse");
        var run = (await RunsAsync()).Single();
        var request = new DeliveryRequest(
            DeliveryBatches.For(DeliveryKind.PulseInvite, _bed.TeamId, run.RunId), DeliveryKind.PulseInvite, _bed.TeamId, run.RunId, new RosterMemberRef(Megan.MemberId, Megan.UserId));

        // Within one call the two become one message; two calls make two messages, and the ledger stops the second.
        await _bed.Service<PendingDeliveries>().EnqueueAsync([request, request], CancellationToken.None);
        await _bed.Service<PendingDeliveries>().EnqueueAsync([request], CancellationToken.None);
        await _bed.DeliverQueuedAsync();

        _bed.CardsSentTo(Megan).Should().ContainSingle();
    }

    [Fact]
    public async Task A_member_Teams_refuses_is_marked_unreachable_and_skipped_next_time()
    {
        _bed.Messenger
            .Setup(m => m.SendToMemberAsync(It.IsAny<Team>(), It.Is<RosterMember>(r => r.MemberId == Adele.MemberId), It.IsAny<CardMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Refused(HttpStatusCode.Forbidden));
        await _bed.InstallAsync(Lead);
        await _bed.SayInChannelAsync(Lead, "start pulse");

        var adele = (await _bed.Service<ITeamRosterStore>().GetAsync(_bed.TeamId, CancellationToken.None)).Single(e => e.Member.MemberId == Adele.MemberId);
        adele.IsReachable.Should().BeFalse();

        await _bed.SayInChannelAsync(Lead, "close pulse");
        await _bed.SayInChannelAsync(Lead, "start pulse");

        _bed.Messenger.Verify(
            m => m.SendToMemberAsync(It.IsAny<Team>(), It.Is<RosterMember>(r => r.MemberId == Adele.MemberId), It.IsAny<CardMessage>(), It.IsAny<CancellationToken>()),
            Times.Once);
        _bed.CardsSentTo(Megan).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_queue_message_that_is_not_a_delivery_is_recorded_as_a_failure_and_not_retried()
    {
        await _bed.InstallAsync(Lead);
        var account = _bed.Service<TrustBot.Storage.StorageAccount>();
        await account.Queue(PendingDeliveries.QueueName).SendMessageAsync("not json at all");

        (await _bed.DeliverQueuedAsync()).Should().Be(1);

        (await _bed.Service<DeliveryFailures>().CountAsync(10, CancellationToken.None)).Should().Be(1);
        (await _bed.DeliverQueuedAsync()).Should().Be(0, "the message was removed from the queue");
    }

    [Theory]
    [InlineData("""{"batchId":"b","kind":"PulseInvite","teamId":"t","subject":"s","recipients":[]}""")]
    [InlineData("""{"batchId":"b","kind":"PulseInvite","teamId":"t","subject":"s","recipients":[{"memberId":"","userId":"29:x"}]}""")]
    [InlineData("""{"batchId":"b","kind":"PulseInvite","teamId":"t","subject":"s","recipient":{"memberId":"a","userId":"29:a"},"recipients":[{"memberId":"b","userId":"29:b"}]}""")]
    [InlineData("""{"batchId":"b","kind":"NoSuchKind","teamId":"t","subject":"s","recipients":[{"memberId":"a","userId":"29:a"}]}""")]
    [InlineData("""{"kind":"PulseInvite","teamId":"t","subject":"s","recipients":[{"memberId":"a","userId":"29:a"}]}""")]
    public async Task A_queue_message_with_a_malformed_batch_of_recipients_is_recorded_as_a_failure_and_sends_nothing(string body)
    {
        await _bed.InstallAsync(Lead);
        var account = _bed.Service<TrustBot.Storage.StorageAccount>();
        await account.Queue(PendingDeliveries.QueueName).SendMessageAsync(body);

        (await _bed.DeliverQueuedAsync()).Should().Be(1);

        (await _bed.Service<DeliveryFailures>().CountAsync(10, CancellationToken.None)).Should().Be(1);
        (await _bed.DeliverQueuedAsync()).Should().Be(0, "the message was removed from the queue");
        _bed.Messenger.Verify(
            m => m.SendToMemberAsync(It.IsAny<Team>(), It.IsAny<RosterMember>(), It.IsAny<CardMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_queue_message_for_more_than_32_members_is_recorded_as_a_failure_and_sends_nothing()
    {
        await _bed.InstallAsync(Lead);
        var account = _bed.Service<TrustBot.Storage.StorageAccount>();
        var members = string.Join(",", Enumerable.Range(0, PendingDeliveries.RecipientsPerMessage + 1).Select(i => $$"""{"memberId":"m{{i}}","userId":"29:m{{i}}"}"""));
        await account.Queue(PendingDeliveries.QueueName).SendMessageAsync($$"""{"batchId":"b","kind":"PulseInvite","teamId":"t","subject":"s","recipients":[{{members}}]}""");

        (await _bed.DeliverQueuedAsync()).Should().Be(1);

        (await _bed.Service<DeliveryFailures>().CountAsync(10, CancellationToken.None)).Should().Be(1);
        _bed.Messenger.Verify(
            m => m.SendToMemberAsync(It.IsAny<Team>(), It.IsAny<RosterMember>(), It.IsAny<CardMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static ErrorResponseException Refused(HttpStatusCode status) => new($"Operation returned an invalid status code '{status}'")
    {
        Response = new HttpResponseMessageWrapper(new HttpResponseMessage(status), string.Empty),
    };
}
