using Microsoft.Bot.Schema;
using Moq;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Teams;

[Collection(AzuriteCollection.Name)]
public sealed class RosterSyncTests : IDisposable
{
    private const string OtherTeamId = "19:other-team@thread.tacv2";
    private static readonly RosterMember Nestor = new("aad-nestor-0005", "29:1nestor", "Nestor Wilke");
    private readonly PulseTestbed _bed;

    public RosterSyncTests(AzuriteFixture azurite) => _bed = new PulseTestbed(azurite);

    public void Dispose() => _bed.Dispose();

    private ITeamRosterStore Rosters => _bed.Service<ITeamRosterStore>();

    // As Teams sends people in membersAdded/membersRemoved: the Teams user id, usually the Entra id, rarely a name.
    private static ChannelAccount Joined(RosterMember member) => new(member.UserId) { AadObjectId = member.MemberId };

    private static ChannelAccount WithoutEntraId(RosterMember member) => new(member.UserId);

    private async Task<IReadOnlyList<RosterMember>> StoredRoster(string teamId) =>
        [.. (await Rosters.GetAsync(teamId, default)).Select(entry => entry.Member)];

    private async Task<ScheduledJob> SingleDueJobAsync() =>
        (await _bed.Service<IJobStore>().GetDueAsync(_bed.Clock.GetUtcNow(), 10, default)).Should().ContainSingle().Subject;

    private Task RunJobAsync(ScheduledJob job) =>
        _bed.Service<IEnumerable<IJobHandler>>().Single(handler => handler.Kind == job.Kind).RunAsync(job, default);

    [Fact]
    public async Task Installing_in_a_team_schedules_a_roster_sync_due_at_once_instead_of_reading_the_roster_in_the_turn()
    {
        await _bed.InstallAsync(Lead);

        var job = await SingleDueJobAsync();
        job.Should().BeEquivalentTo(new { Kind = JobKind.SyncRoster, _bed.TeamId, DueAt = _bed.Clock.GetUtcNow(), Subject = TeamInstallations.InstallSyncSubject });
        _bed.Messenger.Verify(m => m.GetRosterAsync(It.IsAny<Team>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task The_planner_runs_the_scheduled_sync_which_stores_the_whole_roster_Teams_reports()
    {
        await _bed.InstallAsync(Lead);

        (await _bed.Service<JobPlanner>().RunDueJobsAsync(default)).Should().Be(1);

        (await StoredRoster(_bed.TeamId)).Should().BeEquivalentTo(_bed.Roster);
        (await Rosters.GetAsync(_bed.TeamId, default)).Should().OnlyContain(entry => entry.IsReachable);
        (await _bed.Service<IJobStore>().GetDueAsync(_bed.Clock.GetUtcNow(), 10, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Running_the_sync_again_makes_the_stored_roster_what_Teams_reports_now()
    {
        await _bed.InstallAsync(Lead);
        var job = await SingleDueJobAsync();
        await RunJobAsync(job);

        _bed.Roster = [Lead, Adele, Nestor];
        await RunJobAsync(job);

        (await StoredRoster(_bed.TeamId)).Should().BeEquivalentTo([Lead, Adele, Nestor]);
    }

    [Fact]
    public async Task A_sync_for_a_team_the_bot_was_removed_from_stores_nothing_and_asks_Teams_nothing()
    {
        var job = new ScheduledJob(JobIds.For(JobKind.SyncRoster, OtherTeamId, "install", _bed.Clock.GetUtcNow()), JobKind.SyncRoster, OtherTeamId, _bed.Clock.GetUtcNow(), "install");

        await RunJobAsync(job);

        (await Rosters.GetAsync(OtherTeamId, default)).Should().BeEmpty();
        _bed.Messenger.Verify(m => m.GetRosterAsync(It.IsAny<Team>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task People_who_join_are_added_to_the_stored_roster_without_asking_Teams()
    {
        await _bed.InstallAsync(Lead);
        await Rosters.ReplaceAsync(_bed.TeamId, [Lead, Megan], default);

        var replies = await _bed.MembersAddedAsync(Joined(Adele), Joined(Nestor));

        replies.Should().BeEmpty();
        (await StoredRoster(_bed.TeamId)).Should().BeEquivalentTo([Lead, Megan, Adele with { Name = null }, Nestor with { Name = null }]);
        _bed.Messenger.Verify(m => m.GetMemberAsync(It.IsAny<Team>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Someone_who_joins_without_an_Entra_id_is_looked_up_in_Teams_and_stored_under_it()
    {
        await _bed.InstallAsync(Lead);
        _bed.Messenger
            .Setup(m => m.GetMemberAsync(It.Is<Team>(t => t.Id == _bed.TeamId), Nestor.UserId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Nestor);

        await _bed.MembersAddedAsync(WithoutEntraId(Nestor));

        (await StoredRoster(_bed.TeamId)).Should().Equal(Nestor);
    }

    [Fact]
    public async Task Someone_Teams_no_longer_knows_is_skipped_and_the_others_are_added()
    {
        await _bed.InstallAsync(Lead);

        // The messenger mock knows nobody: GetMemberAsync answers null.
        await _bed.MembersAddedAsync(WithoutEntraId(Nestor), Joined(Adele));

        (await StoredRoster(_bed.TeamId)).Should().Equal(Adele with { Name = null });
    }

    [Fact]
    public async Task Another_bot_joining_is_not_a_member()
    {
        await _bed.InstallAsync(Lead);

        await _bed.MembersAddedAsync(new ChannelAccount("28:another-bot"));

        (await Rosters.GetAsync(_bed.TeamId, default)).Should().BeEmpty();
        _bed.Messenger.Verify(m => m.GetMemberAsync(It.IsAny<Team>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task People_joining_a_team_the_bot_is_not_installed_in_are_not_stored()
    {
        await _bed.MembersAddedAsync(Joined(Adele));

        (await Rosters.GetAsync(_bed.TeamId, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task People_who_leave_are_removed_from_the_stored_roster()
    {
        await _bed.InstallAsync(Lead);
        await Rosters.ReplaceAsync(_bed.TeamId, _bed.Roster, default);

        var replies = await _bed.MembersRemovedAsync(Joined(Megan), Joined(Nestor));

        replies.Should().BeEmpty();
        (await StoredRoster(_bed.TeamId)).Should().BeEquivalentTo([Lead, Adele, Isaiah]);
    }

    [Fact]
    public async Task Someone_who_leaves_without_an_Entra_id_is_found_on_the_roster_by_their_Teams_id()
    {
        await _bed.InstallAsync(Lead);
        await Rosters.ReplaceAsync(_bed.TeamId, _bed.Roster, default);

        await _bed.MembersRemovedAsync(WithoutEntraId(Adele));

        (await StoredRoster(_bed.TeamId)).Should().BeEquivalentTo([Lead, Megan, Isaiah]);
    }

    [Fact]
    public async Task Installing_the_bot_personally_again_makes_the_member_reachable_in_every_team_they_belong_to()
    {
        var blocked = _bed.Clock.GetUtcNow().AddDays(-3);
        await _bed.InstallAsync(Lead);
        await _bed.Service<ITeamStore>().SaveMembershipAsync(new Membership(Lead.MemberId, OtherTeamId, TeamRole.Member, Lead.Name), default);
        await Rosters.ReplaceAsync(_bed.TeamId, [Lead, Megan], default);
        await Rosters.ReplaceAsync(OtherTeamId, [Lead], default);
        await Rosters.MarkUnreachableAsync(_bed.TeamId, Lead.MemberId, blocked, default);
        await Rosters.MarkUnreachableAsync(OtherTeamId, Lead.MemberId, blocked, default);
        await Rosters.MarkUnreachableAsync(_bed.TeamId, Megan.MemberId, blocked, default);

        await _bed.InstallPersonallyAsync(Lead);

        (await Rosters.GetAsync(_bed.TeamId, default)).Should().BeEquivalentTo([new RosterEntry(Lead, null), new RosterEntry(Megan, blocked)]);
        (await Rosters.GetAsync(OtherTeamId, default)).Should().Equal(new RosterEntry(Lead, null));
    }

    [Fact]
    public async Task A_personal_install_puts_nobody_on_a_roster_they_are_not_on()
    {
        await _bed.InstallAsync(Lead);
        await _bed.Service<ITeamStore>().SaveMembershipAsync(new Membership(Megan.MemberId, _bed.TeamId, TeamRole.Member, Megan.Name), default);
        await Rosters.ReplaceAsync(_bed.TeamId, [Lead], default);

        await _bed.InstallPersonallyAsync(Megan);

        (await StoredRoster(_bed.TeamId)).Should().Equal(Lead);
    }

    [Fact]
    public async Task Removing_the_bot_from_the_team_keeps_its_roster_until_the_retention_window_is_over()
    {
        await _bed.InstallAsync(Lead);
        await Rosters.ReplaceAsync(_bed.TeamId, _bed.Roster, default);

        await _bed.MembersRemovedAsync(new ChannelAccount(BotId));
        (await StoredRoster(_bed.TeamId)).Should().BeEquivalentTo(_bed.Roster);

        await _bed.AdvanceAsync(TimeSpan.FromDays(30));
        (await Rosters.GetAsync(_bed.TeamId, default)).Should().BeEmpty();
    }
}
