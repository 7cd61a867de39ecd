using Newtonsoft.Json.Linq;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Summary;

/// <summary>
/// The team's version of the summary (posted to the channel, or asked for there) shows only what
/// every member may see: no trace of the leads' interview and GoSee observations, no leads-only
/// incident and no comment. The lead's own version in the 1:1 chat keeps all three.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChannelSummaryTests(AzuriteFixture azurite) : IDisposable
{
    private const string Comment = "note from someone on the team";
    private const string LeadsOnlyIncident = "Quiet leads-only matter";

    private static readonly RosterMember Nestor = new("aad-nestor-0005", "29:1nestor", "Nestor Wilke");
    private static readonly RosterMember Patti = new("aad-patti-0006", "29:1patti", "Patti Fernandez");

    private readonly PulseTestbed _bed = new(azurite) { Roster = [Lead, Megan, Adele, Isaiah, Nestor, Patti] };

    public void Dispose() => _bed.Dispose();

    // Everything leads-only that the summary reads: observations for and against two factors, a
    // leads-only incident, and a closed pulse with enough answers for comments. Neutral answers keep
    // the factor scores out of the insights, so whatever insight there is rests on the observations.
    private async Task LeadsOnlyMaterialAsync()
    {
        await _bed.InstallAsync(Lead);
        var today = DateOnly.FromDateTime(_bed.Clock.GetUtcNow().UtcDateTime);
        await ObserveAsync(new ObservationEntry(ObservationKind.Interview, "Said they were afraid to raise the outage.", ["safety"], ObservationEffect.Hurts, today), times: 3);
        await ObserveAsync(new ObservationEntry(ObservationKind.GoSee, "Pairing on the incident review, openly.", ["care"], ObservationEffect.Helps, today), times: 3);
        var draft = new IncidentDraft(LeadsOnlyIncident, "Something only the leads should know.", IncidentSeverity.Minor, _bed.Clock.GetUtcNow(), ["integrity"], IncidentVisibility.LeadsOnly);
        await _bed.Service<IIncidentStore>().AddAsync(
            IncidentRules.Declare(draft, _bed.TeamId, IncidentSource.Lead, Lead.MemberId, Lead.Name, _bed.Clock.GetUtcNow(), Guid.NewGuid()), CancellationToken.None);

        await _bed.SayInChannelAsync(Lead, "start pulse");
        foreach (var member in _bed.Roster)
        {
            await _bed.ClickAsync(member, "pulse.submit", Answer(_bed.CardsSentTo(member)[^1], point: 3, comment: Comment));
        }

        await _bed.SayInChannelAsync(Lead, "close pulse");
    }

    private async Task ObserveAsync(ObservationEntry entry, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await _bed.Service<IObservationStore>().SaveAsync(entry.ToObservation(_bed.TeamId, Lead.MemberId, _bed.Clock.GetUtcNow(), Guid.NewGuid()), CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_summary_posted_to_the_channel_leaves_out_observations_leads_only_incidents_and_comments()
    {
        await LeadsOnlyMaterialAsync();
        var posted = ChannelPosts.Capture(_bed);
        var leadsCard = CardOf((await _bed.SayInPersonalChatAsync(Lead, "summary")).Single())!;

        var confirmed = await _bed.ClickAsync(Lead, "summary.post", (JObject)SubmitAction(leadsCard)["data"]!);

        // The lead's own card has all of it, so the channel's leaves it out for a reason.
        TextOf(confirmed).Should().Contain("Posted to the team's channel")
            .And.Contain("3 observations say it hurts").And.Contain("3 observations say it helps")
            .And.Contain(LeadsOnlyIncident).And.Contain(Comment);
        var channelCard = CardOf(posted.Single())!;
        var json = channelCard.ToString();
        TextOf(channelCard).Should().Contain("trust index").And.Contain("6 of 6 answered");
        json.Should().NotContain("observation").And.NotContain(LeadsOnlyIncident).And.NotContain("leads only").And.NotContain(Comment);
        channelCard["actions"].Should().BeNull("only the lead's card can post");
    }

    [Fact]
    public async Task A_lead_asking_in_the_channel_gets_the_same_team_version()
    {
        await LeadsOnlyMaterialAsync();

        var replies = await _bed.SayInChannelAsync(Lead, "summary");

        var json = CardOf(replies.Single())!.ToString();
        json.Should().Contain("trust index").And.NotContain("observation").And.NotContain(LeadsOnlyIncident).And.NotContain(Comment);
    }

    [Fact]
    public async Task The_factors_card_in_the_channel_shows_no_observation_evidence_either()
    {
        await LeadsOnlyMaterialAsync();

        var inChannel = CardOf((await _bed.SayInChannelAsync(Lead, "factors")).Single())!.ToString();
        var inPrivate = CardOf((await _bed.SayInPersonalChatAsync(Lead, "factors")).Single())!.ToString();

        inPrivate.Should().Contain("observations say it");
        inChannel.Should().NotContain("observation");
    }
}
