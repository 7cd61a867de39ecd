using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Teams;

/// <summary>
/// Removing the bot keeps the team's data for the retention window (default 30 days): nothing acts
/// on the team meanwhile, a reinstall within the window brings its history back (but not its
/// roles), and the purge job deletes it once the window is over.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetentionTests(AzuriteFixture azurite) : IDisposable
{
    private const string Note = "At the retro, Adele named her own mistake first.";
    private readonly PulseTestbed _bed = new(azurite);

    public void Dispose() => _bed.Dispose();

    private async Task InstalledAsync(RosterMember installer)
    {
        await _bed.InstallAsync(installer);
        await _bed.AdvanceAsync(TimeSpan.Zero);
    }

    private Task LogNoteAsync() => _bed.Service<IObservationStore>().SaveAsync(
        new Observation(_bed.TeamId, ObservationIds.New(_bed.Clock.GetUtcNow(), Guid.NewGuid()), ObservationKind.GoSee, Note, ["openness"], ObservationEffect.Helps,
            DateOnly.FromDateTime(_bed.Clock.GetUtcNow().UtcDateTime), _bed.Clock.GetUtcNow(), Lead.MemberId),
        CancellationToken.None);

    private async Task<int> SentSoFarAsync()
    {
        await _bed.DeliverQueuedAsync();
        return _bed.Roster.Sum(member => _bed.CardsSentTo(member).Count);
    }

    [Fact]
    public async Task A_member_who_removes_and_re_adds_the_bot_finds_the_history_kept_but_becomes_the_only_lead()
    {
        await InstalledAsync(Lead);
        await LogNoteAsync();

        await _bed.UninstallAsync(Megan);
        await _bed.AdvanceAsync(TimeSpan.FromDays(10));
        await InstalledAsync(Megan);

        ShownBy(await _bed.SayInPersonalChatAsync(Megan, "observations")).Should().Contain(Note, "the team's history was kept, not wiped");
        ShownBy(await _bed.SayInPersonalChatAsync(Lead, "observations")).Should().NotContain(Note, "the old lead's role did not come back");
        (await _bed.Service<ITeamStore>().GetMembershipAsync(Lead.MemberId, _bed.TeamId, CancellationToken.None))?.Role.Should().NotBe(TeamRole.Lead);

        await _bed.AdvanceAsync(TimeSpan.FromDays(30));
        ShownBy(await _bed.SayInPersonalChatAsync(Megan, "observations")).Should().Contain(Note, "the reinstall cancelled the purge");
    }

    [Fact]
    public async Task While_removed_the_team_answers_no_command_and_is_not_found()
    {
        await InstalledAsync(Lead);

        await _bed.UninstallAsync(Lead);

        (await _bed.Service<ITeamStore>().GetTeamAsync(_bed.TeamId, CancellationToken.None)).Should().BeNull();
        (await _bed.Service<ITeamStore>().GetUninstalledAtAsync(_bed.TeamId, CancellationToken.None)).Should().Be(_bed.Clock.GetUtcNow());
        ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary")).Should().Contain("You don't lead a team");
    }

    [Fact]
    public async Task The_data_is_purged_once_the_window_is_over_and_a_later_install_starts_afresh()
    {
        await InstalledAsync(Lead);
        await LogNoteAsync();
        await _bed.UninstallAsync(Lead);

        await _bed.AdvanceAsync(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        (await _bed.Service<IObservationStore>().GetRecentAsync(_bed.TeamId, 10, CancellationToken.None)).Should().ContainSingle("the window is not over yet");

        await _bed.AdvanceAsync(TimeSpan.FromMinutes(1));
        (await _bed.Service<IObservationStore>().GetRecentAsync(_bed.TeamId, 10, CancellationToken.None)).Should().BeEmpty();
        (await _bed.Service<ITeamStore>().GetUninstalledAtAsync(_bed.TeamId, CancellationToken.None)).Should().BeNull();
        (await _bed.Service<ITeamRosterStore>().GetAsync(_bed.TeamId, CancellationToken.None)).Should().BeEmpty();

        await InstalledAsync(Lead);
        ShownBy(await _bed.SayInPersonalChatAsync(Lead, "observations")).Should().NotContain(Note);
    }

    [Fact]
    public async Task Removing_the_bot_twice_does_not_lengthen_the_window()
    {
        await InstalledAsync(Lead);
        await LogNoteAsync();
        await _bed.UninstallAsync(Lead);
        await _bed.AdvanceAsync(TimeSpan.FromDays(5));

        await _bed.UninstallAsync(Lead);
        await _bed.AdvanceAsync(TimeSpan.FromDays(25));

        (await _bed.Service<IObservationStore>().GetRecentAsync(_bed.TeamId, 10, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_pulse_open_when_the_bot_is_removed_sends_no_reminder_or_anything_else_while_removed()
    {
        await InstalledAsync(Lead);
        await _bed.SayInChannelAsync(Lead, "start pulse");
        var sent = await SentSoFarAsync();
        sent.Should().Be(_bed.Roster.Count);

        await _bed.UninstallAsync(Lead);
        await _bed.AdvanceAsync(TimeSpan.FromDays(1));
        await _bed.AdvanceAsync(TimeSpan.FromDays(1));
        await _bed.AdvanceAsync(TimeSpan.FromDays(2));

        (await SentSoFarAsync()).Should().Be(sent, "nothing is sent to a team the bot was removed from");
    }

    [Fact]
    public async Task Scheduled_pulses_stop_while_removed_and_resume_after_a_reinstall()
    {
        await InstalledAsync(Lead);
        var schedule = await _bed.Service<ITeamScheduleStore>().SaveAsync(
            new TeamSchedule(_bed.TeamId, ScheduleCadence.Weekly, DayOfWeek.Wednesday, new TimeOnly(10, 0), "Europe/Berlin", 3, true, new DateOnly(2026, 11, 23), 0),
            CancellationToken.None);
        await _bed.Service<PulseScheduler>().PlanNextRunAsync(schedule, CancellationToken.None);

        await _bed.UninstallAsync(Lead);
        await _bed.AdvanceAsync(TimeSpan.FromDays(3));
        (await SentSoFarAsync()).Should().Be(0);
        (await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 10, CancellationToken.None)).Should().BeEmpty();

        await InstalledAsync(Lead);
        await _bed.AdvanceAsync(TimeSpan.FromDays(7));

        (await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 10, CancellationToken.None)).Should().ContainSingle("the schedule planned its next opening on reinstall");
        _bed.CardsSentTo(Megan).Should().ContainSingle();
    }
}
