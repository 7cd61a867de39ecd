using Microsoft.Bot.Schema;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Summary;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Summary;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Summary;

/// <summary>
/// Issue 15: a summary asked for again with nothing changed costs two storage requests (the lead's
/// memberships and the team's row, which carries the summary stamp), and every kind of write that
/// changes a summary shows in the next one at once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SummaryCostTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PulseTestbed _bed = new(azurite);

    public void Dispose() => _bed.Dispose();

    private DateTimeOffset Now => _bed.Clock.GetUtcNow();

    private async Task ClosedPulseAsync(params (RosterMember Member, int Point)[] answers)
    {
        await _bed.SayInChannelAsync(Lead, "start pulse");
        foreach (var (member, point) in answers)
        {
            await _bed.ClickAsync(member, "pulse.submit", Answer(_bed.CardsSentTo(member)[^1], point));
        }

        await _bed.SayInChannelAsync(Lead, "close pulse");
    }

    private async Task<string> SummaryAsync() => ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary"));

    private async Task<string?> StampAsync() => (await _bed.Service<ITeamStore>().GetTeamAsync(_bed.TeamId, CancellationToken.None))!.SummaryStamp;

    [Fact]
    public async Task A_summary_asked_again_with_nothing_changed_costs_two_requests()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));
        var first = await SummaryAsync();

        _bed.RunsTurnIntents = false; // counts the turn's own requests, not the harness's look for intents after it
        using var storage = StorageRequestLog.ForTables(azurite.ConnectionString);
        var again = await SummaryAsync();

        again.Should().Be(first);
        // The time zone the lead's client reports was confirmed by their earlier messages
        // (PersonalTimeZones keeps it in memory), so the message itself costs nothing more.
        storage.Count.Should().Be(2, "the lead's memberships and the team's row are read: {0}", string.Join("; ", storage.Requests));
        storage.Waves.Should().Be(2);
    }

    [Fact]
    public async Task A_pulse_closing_shows_in_the_next_summary()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));
        (await SummaryAsync()).Should().Contain("3 of 4 answered");
        _bed.Clock.Advance(TimeSpan.FromDays(7));

        await ClosedPulseAsync((Lead, 2), (Megan, 2), (Adele, 2), (Isaiah, 2));

        (await SummaryAsync()).Should().Contain("4 of 4 answered");
    }

    [Fact]
    public async Task An_action_added_or_completed_shows_in_the_next_summary()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));
        (await SummaryAsync()).Should().Contain("none open");
        var item = new ActionItem(
            _bed.TeamId, ActionItemIds.New(Now, Guid.NewGuid()), "Share the roadmap", Megan.MemberId, Megan.Name,
            DateOnly.FromDateTime(Now.UtcDateTime).AddDays(7), TrustFactors.Openness.Id, Lead.MemberId, Now, CompletedAt: null);

        await _bed.Service<IActionItemStore>().AddAsync(item, CancellationToken.None);
        (await SummaryAsync()).Should().Contain("1 open");

        await _bed.Service<IActionItemStore>().UpdateAsync(_bed.TeamId, item.Id, new CompleteAction(Now), new ActionActor(Megan.MemberId, IsLead: false), CancellationToken.None);
        (await SummaryAsync()).Should().Contain("none open");
    }

    [Fact]
    public async Task A_charter_shows_in_the_next_summary()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));
        (await SummaryAsync()).Should().Contain("none yet: type define trust");

        await _bed.Service<ITrustCharterStore>().TryAddAsync(new TrustCharter(_bed.TeamId, 1, ["We keep our word"], Now, Lead.MemberId), CancellationToken.None);

        (await SummaryAsync()).Should().Contain("We keep our word");
    }

    [Fact]
    public async Task An_incident_declared_or_closed_shows_in_the_next_summary()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));
        (await SummaryAsync()).Should().Contain("none active");
        var incident = IncidentRules.Declare(
            new IncidentDraft("Outage blame", "A release broke and a name was put on it.", IncidentSeverity.Major, Now.AddHours(-2), [TrustFactors.PsychologicalSafety.Id], IncidentVisibility.Team),
            _bed.TeamId, IncidentSource.Lead, Lead.MemberId, Lead.Name, Now, Guid.NewGuid());

        await _bed.Service<IIncidentStore>().AddAsync(incident, CancellationToken.None);
        (await SummaryAsync()).Should().Contain("1 active");

        await _bed.Service<IIncidentStore>().UpdateAsync(_bed.TeamId, incident.Id, stored => stored with { State = IncidentState.Closed, ClosedAt = Now }, CancellationToken.None);
        (await SummaryAsync()).Should().Contain("none active");
    }

    [Fact]
    public async Task People_joining_the_team_show_in_the_next_summary()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));
        (await SummaryAsync()).Should().NotContain("Team changes");

        await _bed.MembersAddedAsync(new ChannelAccount("29:1newcomer", "Nestor Wilke") { AadObjectId = "aad-nestor-0005" });

        (await SummaryAsync()).Should().Contain("Team changes");
    }

    [Fact]
    public async Task Every_write_a_summary_is_built_from_changes_the_teams_summary_stamp()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));
        var writes = new (string What, Func<Task> Write)[]
        {
            ("an observation", () => _bed.Service<IObservationStore>().SaveAsync(
                new Observation(_bed.TeamId, ObservationIds.New(Now, Guid.NewGuid()), ObservationKind.Interview, "Asks for help more", [TrustFactors.Care.Id], ObservationEffect.Helps, DateOnly.FromDateTime(Now.UtcDateTime), Now, Lead.MemberId),
                CancellationToken.None)),
            ("a team change", () => _bed.Service<ITeamChangeStore>().RecordAsync(_bed.TeamId, [TeamChange.LeadChanged(Now)], CancellationToken.None)),
            ("a roster replaced", () => _bed.Service<ITeamRosterStore>().ReplaceAsync(_bed.TeamId, [Lead, Megan], CancellationToken.None)),
            ("members added", () => _bed.Service<ITeamRosterStore>().AddAsync(_bed.TeamId, [Adele], CancellationToken.None)),
            ("members removed", () => _bed.Service<ITeamRosterStore>().RemoveAsync(_bed.TeamId, [Adele.MemberId], CancellationToken.None)),
        };

        foreach (var (what, write) in writes)
        {
            var before = await StampAsync();
            await write();
            (await StampAsync()).Should().NotBeNull().And.NotBe(before, "{0} changes what a summary shows", what);
        }
    }

    [Fact]
    public async Task Kept_summaries_are_bounded()
    {
        using var cache = new SummaryViewCache();
        var report = new SummaryReport(TeamSummaries.Build([], []), []);

        for (var team = 0; team < SummaryViewCache.DefaultCapacity + 100; team++)
        {
            await cache.GetOrLoadAsync(new SummaryViewKey($"team-{team}", "stamp", ForLeads: true, WithComments: true), _ => Task.FromResult<KeptSummary?>(new KeptSummary(report, Now)), CancellationToken.None);
        }

        cache.Count.Should().BeLessThanOrEqualTo(SummaryViewCache.DefaultCapacity);
    }
}
