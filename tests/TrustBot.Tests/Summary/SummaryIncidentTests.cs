using System.Globalization;
using Newtonsoft.Json.Linq;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Summary;

/// <summary>
/// The summary's active incidents: the lead sees each with its plan's progress and the recovery of
/// the factors it hit; the team's version, in the channel, leaves leads-only incidents out.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SummaryIncidentTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PulseTestbed _bed = new(azurite);

    public void Dispose() => _bed.Dispose();

    private async Task<PulseRollup> ClosedPulseAsync(int point)
    {
        await _bed.SayInChannelAsync(Lead, "start pulse");
        foreach (var member in new[] { Lead, Megan, Adele })
        {
            await _bed.ClickAsync(member, "pulse.submit", Answer(_bed.CardsSentTo(member)[^1], point));
        }

        await _bed.SayInChannelAsync(Lead, "close pulse");
        return (await _bed.Pulses.GetRecentRollupsAsync(_bed.TeamId, 1, CancellationToken.None)).Single();
    }

    private async Task<Incident> IncidentAsync(string title, IncidentVisibility visibility, DateTimeOffset occurredAt, string factorId = "reliability")
    {
        var draft = new IncidentDraft(title, "The release broke sign-in for two hours.", IncidentSeverity.Major, occurredAt, [factorId], visibility);
        var incident = IncidentRules.Declare(draft, _bed.TeamId, IncidentSource.Lead, Lead.MemberId, Lead.Name, _bed.Clock.GetUtcNow(), Guid.NewGuid());
        await _bed.Service<IIncidentStore>().AddAsync(incident, CancellationToken.None);
        return incident;
    }

    [Fact]
    public async Task The_leads_summary_shows_an_active_incident_and_how_far_its_plan_has_come()
    {
        await _bed.InstallAsync(Lead);
        await IncidentAsync("Release night outage", IncidentVisibility.Team, _bed.Clock.GetUtcNow().AddHours(-2));
        await _bed.AdvanceAsync(TimeSpan.FromDays(4));

        var shown = ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary"));

        shown.Should().Contain("Active incidents").And.Contain("Release night outage").And.Contain("Major · accepted 4 days ago");
        shown.Should().Contain("Recovery plan: 3 of 5 steps done; next: Action progress");
        shown.Should().Contain("1 active, shown above");
        shown.Should().Contain("no baseline to compare with", "no pulse closed before the incident");
    }

    [Fact]
    public async Task The_recovery_compares_the_factor_before_the_incident_with_now()
    {
        await _bed.InstallAsync(Lead);
        var before = await ClosedPulseAsync(point: 4);
        var occurredAt = _bed.Clock.GetUtcNow().AddHours(1);
        _bed.Clock.Advance(TimeSpan.FromDays(1));
        var since = await ClosedPulseAsync(point: 2);
        var factor = before.Factors.Keys.First(since.Factors.ContainsKey);
        await IncidentAsync("Release night outage", IncidentVisibility.Team, occurredAt, factor);

        var shown = ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary"));

        var name = TrustFactors.Find(factor)!.Name;
        shown.Should().Contain("Recovery against the pre-incident baseline")
            .And.Contain($"• {name}: {Mean(before.Factors[factor].Mean)} before, {Mean(since.Factors[factor].Mean)} now");
    }

    [Fact]
    public async Task The_version_posted_to_the_channel_leaves_leads_only_incidents_out()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync(point: 4);
        await IncidentAsync("Release night outage", IncidentVisibility.Team, _bed.Clock.GetUtcNow());
        await IncidentAsync("Quiet leads-only matter", IncidentVisibility.LeadsOnly, _bed.Clock.GetUtcNow());
        var posted = ChannelPosts.Capture(_bed);
        var leadsCard = CardOf((await _bed.SayInPersonalChatAsync(Lead, "summary")).Single())!;

        var confirmed = await _bed.ClickAsync(Lead, "summary.post", (JObject)SubmitAction(leadsCard)["data"]!);

        TextOf(leadsCard).Should().Contain("Release night outage").And.Contain("Quiet leads-only matter").And.Contain("leads only, not in the channel's summary");
        TextOf(confirmed).Should().Contain("Posted to the team's channel").And.Contain("Quiet leads-only matter");
        var channelCard = TextOf(CardOf(posted.Single()));
        channelCard.Should().Contain("Release night outage").And.Contain("1 active").And.NotContain("Quiet leads-only matter");
    }

    [Fact]
    public async Task A_lead_asking_in_the_channel_gets_the_teams_version_without_leads_only_incidents()
    {
        await _bed.InstallAsync(Lead);
        await IncidentAsync("Quiet leads-only matter", IncidentVisibility.LeadsOnly, _bed.Clock.GetUtcNow());

        var shown = ShownBy(await _bed.SayInChannelAsync(Lead, "summary"));

        shown.Should().NotContain("Quiet leads-only matter").And.NotContain("Active incidents").And.Contain("none active");
    }

    [Fact]
    public async Task A_member_asking_for_the_summary_still_gets_only_the_explanation()
    {
        await _bed.InstallAsync(Lead);
        await IncidentAsync("Release night outage", IncidentVisibility.Team, _bed.Clock.GetUtcNow());

        var shown = ShownBy(await _bed.SayInChannelAsync(Megan, "summary"));

        shown.Should().Contain("The trust summary is for the team's leads").And.NotContain("Release night outage");
    }

    private static string Mean(double mean) => FactorComparison.Shown(mean).ToString("0.0", CultureInfo.InvariantCulture);
}
