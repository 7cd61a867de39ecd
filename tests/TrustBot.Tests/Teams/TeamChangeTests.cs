using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Scheduling;
using TrustBot.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Teams;

/// <summary>
/// Changes in a team are a trust risk: a lead change, or 30 % of the roster changing within 30
/// days, brings the leads a one-tap check-in and shows in the summary.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamChangeTests : IDisposable
{
    private const string CheckInVerb = "pulse.checkin";
    private static readonly RosterMember Nestor = new("aad-nestor-0005", "29:1nestor", "Nestor Wilke");
    private static readonly RosterMember Patti = new("aad-patti-0006", "29:1patti", "Patti Fernandez");
    private readonly PulseTestbed _bed;

    public TeamChangeTests(AzuriteFixture azurite) => _bed = new PulseTestbed(azurite);

    public void Dispose() => _bed.Dispose();

    private static ChannelAccount Account(RosterMember member) => new(member.UserId) { AadObjectId = member.MemberId };

    // The lead installs the bot, and the install's roster read (which is no change) stores the four of them.
    private async Task InstalledWithRosterAsync()
    {
        await _bed.InstallAsync(Lead);
        await _bed.AdvanceAsync(TimeSpan.Zero);
    }

    private IReadOnlyList<JObject> CheckInsSentTo(RosterMember member) =>
        [.. _bed.CardsSentTo(member).Where(card => card["actions"]?.Any(a => (string?)a["verb"] == CheckInVerb) == true)];

    [Fact]
    public async Task Installing_the_bot_and_reading_its_roster_is_no_change()
    {
        await InstalledWithRosterAsync();

        (await _bed.Service<TeamChanges>().AssessAsync(_bed.TeamId, default)).HasChanges.Should().BeFalse();
        CheckInsSentTo(Lead).Should().BeEmpty();
        ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary")).Should().NotContain("Team changes");
    }

    [Fact]
    public async Task Two_of_four_joining_brings_the_lead_one_check_in_that_starts_a_pulse_in_one_tap()
    {
        await InstalledWithRosterAsync();

        await _bed.MembersAddedAsync(Account(Nestor), Account(Patti));
        await _bed.AdvanceAsync(TimeSpan.Zero);

        var suggestion = CheckInsSentTo(Lead).Should().ContainSingle().Subject;
        TextOf(suggestion).Should().Contain("Contoso has changed").And.Contain("2 of 4 people joined or left (2 in, 0 out, 50%) in the last 30 days");
        CheckInsSentTo(Megan).Should().BeEmpty("only leads are offered a check-in");

        _bed.Roster = [Lead, Megan, Adele, Isaiah, Nestor, Patti];
        var started = await _bed.ClickAsync(Lead, CheckInVerb, (JObject)SubmitAction(suggestion)["data"]!);

        TextOf(started).Should().Contain("Pulse starting");
        _bed.CardsSentTo(Nestor).Should().Contain(card => TextOf(card).Contains("Overall, I trust the people on this team."));
    }

    [Fact]
    public async Task A_check_in_is_suggested_once_per_30_days_however_much_more_changes()
    {
        await InstalledWithRosterAsync();
        await _bed.MembersRemovedAsync(Account(Megan), Account(Adele));
        await _bed.AdvanceAsync(TimeSpan.Zero);

        await _bed.MembersAddedAsync(Account(Nestor));
        await _bed.Service<TeamChanges>().RecordLeadChangeAsync(_bed.TeamId, _bed.Clock.GetUtcNow(), default);
        await _bed.AdvanceAsync(TimeSpan.FromDays(29));
        CheckInsSentTo(Lead).Should().HaveCount(1);

        await _bed.AdvanceAsync(TimeSpan.FromDays(1));
        await _bed.Service<TeamChanges>().RecordLeadChangeAsync(_bed.TeamId, _bed.Clock.GetUtcNow(), default);
        await _bed.AdvanceAsync(TimeSpan.Zero);

        CheckInsSentTo(Lead).Should().HaveCount(2);
        TextOf(CheckInsSentTo(Lead)[^1]).Should().Contain("The team's leads changed in the last 30 days.");
    }

    [Fact]
    public async Task One_person_of_four_joining_is_shown_in_the_summary_but_is_no_risk()
    {
        await InstalledWithRosterAsync();

        await _bed.MembersAddedAsync(Account(Nestor));
        await _bed.AdvanceAsync(TimeSpan.Zero);

        CheckInsSentTo(Lead).Should().BeEmpty("1 of 4 is 25 %");
        var shown = ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary"));
        shown.Should().Contain("Team changes").And.Contain("1 of 4 people joined or left").And.NotContain("Changes like these can cost trust");
    }

    [Fact]
    public async Task A_lead_change_shows_in_the_summary_as_a_risk_with_a_check_in_to_run()
    {
        await InstalledWithRosterAsync();

        await _bed.Service<TeamChanges>().RecordLeadChangeAsync(_bed.TeamId, _bed.Clock.GetUtcNow(), default);

        var shown = ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary"));
        shown.Should().Contain("Team changes").And.Contain("The team's leads changed in the last 30 days.").And.Contain("Changes like these can cost trust");
    }

    [Fact]
    public async Task A_lead_who_leaves_the_team_is_a_lead_change_that_brings_the_other_leads_a_check_in()
    {
        await InstalledWithRosterAsync();
        await _bed.Service<ITeamStore>().SaveMembershipAsync(new Membership(Megan.MemberId, _bed.TeamId, TeamRole.Lead, Megan.Name), default);

        await _bed.MembersRemovedAsync(Account(Megan));
        await _bed.AdvanceAsync(TimeSpan.Zero);

        (await _bed.Service<TeamChanges>().AssessAsync(_bed.TeamId, default)).Should().BeEquivalentTo(new { Left = 1, LeadChanges = 1 });
        TextOf(CheckInsSentTo(Lead).Should().ContainSingle("1 of 4 leaving is no turnover, but a lead leaving is").Subject)
            .Should().Contain("The team's leads changed, and 1 of 4 people joined or left (0 in, 1 out, 25%) in the last 30 days.");
        CheckInsSentTo(Megan).Should().BeEmpty("she leads the team no more");
    }

    [Fact]
    public async Task A_member_who_leaves_is_no_lead_change()
    {
        await InstalledWithRosterAsync();
        await _bed.Service<ITeamStore>().EnsureMembershipAsync(new Membership(Megan.MemberId, _bed.TeamId, TeamRole.Member, Megan.Name), default);

        await _bed.MembersRemovedAsync(Account(Megan));
        await _bed.AdvanceAsync(TimeSpan.Zero);

        (await _bed.Service<TeamChanges>().AssessAsync(_bed.TeamId, default)).Should().BeEquivalentTo(new { Left = 1, LeadChanges = 0 });
        CheckInsSentTo(Lead).Should().BeEmpty("1 of 4 is 25 %");
    }

    [Fact]
    public async Task People_who_came_and_went_while_the_bot_missed_the_updates_count_when_the_roster_is_read_again()
    {
        await InstalledWithRosterAsync();

        _bed.Roster = [Lead, Megan, Nestor, Patti];
        var sync = ScheduledJob.Plan(JobKind.SyncRoster, _bed.TeamId, "nightly", _bed.Clock.GetUtcNow());
        await _bed.Service<IJobStore>().AddAsync(sync, default);
        await _bed.AdvanceAsync(TimeSpan.Zero);
        await _bed.AdvanceAsync(TimeSpan.Zero);

        (await _bed.Service<TeamChanges>().AssessAsync(_bed.TeamId, default)).Should().BeEquivalentTo(new { Joined = 2, Left = 2, Changed = 4, RosterAtStart = 4 });
        CheckInsSentTo(Lead).Should().ContainSingle();
    }

    [Fact]
    public async Task The_check_in_button_starts_nothing_for_someone_who_does_not_lead_the_team_or_for_edited_data()
    {
        await InstalledWithRosterAsync();
        await _bed.Service<TeamChanges>().RecordLeadChangeAsync(_bed.TeamId, _bed.Clock.GetUtcNow(), default);
        await _bed.AdvanceAsync(TimeSpan.Zero);
        var data = (JObject)SubmitAction(CheckInsSentTo(Lead).Single())["data"]!;

        var byMember = await _bed.ClickAsync(Megan, CheckInVerb, data);
        var otherTeam = await _bed.ClickAsync(Lead, CheckInVerb, new JObject { ["teamId"] = "19:someone-elses-team@thread.tacv2" });
        var noTeam = await _bed.ClickAsync(Lead, CheckInVerb, new JObject { ["teamId"] = new JArray() });
        var noData = await _bed.ClickAsync(Lead, CheckInVerb, []);

        TextOf(byMember).Should().Contain("Only a lead can do that");
        TextOf(otherTeam).Should().Contain("Only a lead can do that");
        TextOf(noTeam).Should().Contain("This card can't be used");
        TextOf(noData).Should().Contain("This card can't be used");
        (await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 1, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_check_in_while_a_pulse_is_open_says_so_and_opens_no_second_one()
    {
        await InstalledWithRosterAsync();
        await _bed.SayInChannelAsync(Lead, "start pulse");
        await _bed.Service<TeamChanges>().RecordLeadChangeAsync(_bed.TeamId, _bed.Clock.GetUtcNow(), default);
        await _bed.AdvanceAsync(TimeSpan.Zero);

        var answered = await _bed.ClickAsync(Lead, CheckInVerb, (JObject)SubmitAction(CheckInsSentTo(Lead).Single())["data"]!);

        TextOf(answered).Should().Contain("No pulse was started").And.Contain("A pulse is already open");
        (await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 5, default)).Should().ContainSingle();
    }

    [Fact]
    public async Task Changes_to_a_team_the_bot_is_not_installed_in_are_not_recorded()
    {
        await _bed.MembersAddedAsync(Account(Nestor));

        (await _bed.Service<ITeamChangeStore>().GetAsync(_bed.TeamId, DateTimeOffset.MinValue, default)).Changes.Should().BeEmpty();
    }

    [Fact]
    public async Task A_lead_change_needs_a_team()
    {
        var none = () => _bed.Service<TeamChanges>().RecordLeadChangeAsync(string.Empty, _bed.Clock.GetUtcNow(), default);

        await none.Should().ThrowAsync<ArgumentException>();
    }
}
