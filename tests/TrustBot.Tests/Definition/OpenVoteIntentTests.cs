using Moq;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using TrustBot.Tests.Scheduling;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Definition;

/// <summary>
/// <c>open vote</c> answers once its whole intent is one durable job; a crash after any step of
/// that job still ends, once the planner runs again, with one vote open and every ballot sent once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenVoteIntentTests : IDisposable
{
    private readonly CrashSwitch _crash = new();
    private readonly PulseTestbed _bed;
    private readonly DefinitionSteps _steps;

    public OpenVoteIntentTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite, testServices: services =>
        {
            _crash.Wrap<ITrustVoteStore>(services);
            _crash.Wrap<IJobStore>(services);
            _crash.Wrap<ITeamRosterStore>(services);
        });
        _steps = new DefinitionSteps(_bed);
    }

    public void Dispose() => _bed.Dispose();

    public static TheoryData<string> Steps => ["the vote is opened", "the vote is noted on the job", "the roster is stored"];

    [Fact]
    public async Task Open_vote_answers_after_writing_one_job_without_opening_the_vote_or_reading_the_roster()
    {
        await _steps.InstallWithMembersAsync();
        await _steps.ProposeThreeAsync();
        _bed.RunsTurnIntents = false;
        _bed.Messenger.Invocations.Clear();

        var replies = await _bed.SayInChannelAsync(Lead, "open vote");

        ShownBy(replies).Should().Contain("Vote opening");
        (await new ScheduleSteps(_bed).PlannedAsync()).Should().ContainSingle(job => job.Kind == JobKind.OpenVote);
        (await _bed.Service<ITrustVoteStore>().GetVoteAsync(_bed.TeamId, CancellationToken.None)).Should().BeNull();
        _bed.Messenger.Verify(m => m.GetRosterAsync(It.IsAny<Team>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_crash_after_any_step_ends_with_one_vote_and_every_ballot_sent_once(string step)
    {
        await _steps.InstallWithMembersAsync();
        await _steps.ProposeThreeAsync();
        _bed.RunsTurnIntents = false;
        var sentBefore = _bed.Roster.ToDictionary(member => member.MemberId, member => _bed.CardsSentTo(member).Count);
        await _bed.SayInChannelAsync(Lead, "open vote");
        switch (step)
        {
            case "the vote is opened": _crash.Arm<ITrustVoteStore>(nameof(ITrustVoteStore.TryOpenVoteAsync)); break;
            case "the vote is noted on the job": _crash.Arm<IJobStore>(nameof(IJobStore.SaveProgressAsync)); break;
            default: _crash.Arm<ITeamRosterStore>(nameof(ITeamRosterStore.ReplaceAsync)); break;
        }

        (await _bed.Service<JobPlanner>().RunTurnIntentsAsync(CancellationToken.None)).Should().Be(0, "the job crashed after " + step);
        await _bed.DeliverQueuedAsync();
        await _bed.AdvanceAsync(TimeSpan.FromMinutes(5));

        (await _bed.Service<ITrustVoteStore>().GetVoteAsync(_bed.TeamId, CancellationToken.None))!.IsOpenAt(_bed.Clock.GetUtcNow()).Should().BeTrue();
        _bed.Roster.Should().OnlyContain(member => _bed.CardsSentTo(member).Count == sentBefore[member.MemberId] + 1, "every member gets one ballot");
        (await new ScheduleSteps(_bed).PlannedAsync()).Should().NotContain(job => job.Kind == JobKind.OpenVote, "the intent is done");
    }
}
