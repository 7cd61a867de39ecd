using Newtonsoft.Json.Linq;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Recovery.Incidents;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;
using static TrustBot.Tests.Recovery.Incidents.IncidentSteps;

namespace TrustBot.Tests.Recovery.Incidents;

/// <summary>
/// Declaring incidents in chat, and the leads' decisions on them, through the real bot on Azurite.
/// The testbed's clock starts on Monday 23 November 2026, 09:00 UTC.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IncidentDialogTests : IDisposable
{
    private readonly PulseTestbed _bed;
    private readonly IncidentSteps _steps;

    public IncidentDialogTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        _steps = new IncidentSteps(_bed);
    }

    private DateTimeOffset Now => _bed.Clock.GetUtcNow();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task The_form_offers_every_trust_factor_and_starts_at_the_senders_now()
    {
        await _bed.InstallAsync(Lead);

        var form = await _steps.FormAsync(Megan);

        var inputs = form.Descendants().OfType<JObject>().Where(o => o["id"] is not null).ToDictionary(o => (string)o["id"]!);
        inputs["factors"]["choices"]!.Select(c => (string)c["value"]!).Should().Equal("reliability", "competence", "openness", "care", "integrity", "safety");
        inputs["severity"]["choices"]!.Select(c => (string)c["value"]!).Should().Equal("Minor", "Major", "Critical");
        ((string?)inputs["visibility"]["value"]).Should().Be("Team");
        ((string?)inputs["occurredOn"]["value"]).Should().Be("2026-11-23");
        ((string?)inputs["occurredTime"]["value"]).Should().Be("09:00");
        SubmitAction(form)["data"]!["teamId"]!.ToString().Should().Be(_bed.TeamId);
    }

    [Fact]
    public async Task A_lead_declares_in_the_channel_and_the_whole_recovery_plan_is_scheduled_at_once()
    {
        await _steps.InstallWithTwoLeadsAsync();

        var confirmation = await _steps.DeclareAsync(Lead);

        TextOf(confirmation).Should().Contain("Incident declared; the recovery plan starts now").And.Contain("Release slipped without telling support");
        var incident = (await _steps.StoredAsync()).Should().ContainSingle().Subject;
        incident.Should().BeEquivalentTo(new
        {
            State = IncidentState.Active,
            Source = IncidentSource.Lead,
            AcceptedAt = (DateTimeOffset?)Now,
            OccurredAt = new DateTimeOffset(2026, 11, 22, 15, 30, 0, TimeSpan.Zero),
            FactorIds = new[] { "reliability", "openness" },
            Severity = IncidentSeverity.Major,
            DeclaredBy = Lead.MemberId,
        });
        (await _steps.NudgeJobsAsync()).Select(job => (job.Subject, job.DueAt)).Should().BeEquivalentTo(
            RecoveryPlan.AllSteps.Select(step => (RecoveryNudges.Subject(incident.Id, step), Now + RecoveryPlan.OffsetOf(step))));
        _bed.CardsSentTo(Adele).Should().BeEmpty("a lead's own declaration needs no other lead's decision");
    }

    [Fact]
    public async Task A_members_declaration_goes_to_every_lead_and_the_first_to_accept_starts_the_steps_they_chose()
    {
        await _steps.InstallWithTwoLeadsAsync();

        var thanks = await _steps.DeclareAsync(Megan);

        TextOf(thanks).Should().Contain("Thanks — the leads will decide");
        (await _steps.StoredAsync()).Single().Should().BeEquivalentTo(new { State = IncidentState.AwaitingLead, Source = IncidentSource.Member, DeclaredBy = Megan.MemberId, DeclaredByName = Megan.Name });
        (await _steps.NudgeJobsAsync()).Should().BeEmpty();
        var lynnesCard = _bed.CardsSentTo(Lead).Should().ContainSingle().Subject;
        var adelesCard = _bed.CardsSentTo(Adele).Should().ContainSingle().Subject;
        TextOf(lynnesCard).Should().Contain("Release slipped without telling support").And.Contain("Megan Bowen").And.Contain("Baseline review");
        _bed.CardsSentTo(Megan).Should().BeEmpty();
        _bed.CardsSentTo(Isaiah).Should().BeEmpty();

        var accepted = await _steps.ClickAsync(Lead, lynnesCard, AcceptVerb, steps: "Acknowledge,RecoveryPulse");

        TextOf(accepted).Should().Contain("Accepted \"Release slipped without telling support\"").And.Contain("Next: Recovery pulse");
        var incident = (await _steps.StoredAsync()).Single();
        incident.Should().BeEquivalentTo(new { State = IncidentState.Active, AcceptedAt = (DateTimeOffset?)Now, Plan = new[] { RecoveryStep.Acknowledge, RecoveryStep.RecoveryPulse } });
        (await _steps.NudgeJobsAsync()).Select(job => job.Subject).Should().BeEquivalentTo(
            RecoveryNudges.Subject(incident.Id, RecoveryStep.Acknowledge), RecoveryNudges.Subject(incident.Id, RecoveryStep.RecoveryPulse));

        var late = await _steps.ClickAsync(Adele, adelesCard, AcceptVerb);

        TextOf(late).Should().Contain("already accepted");
        (await _steps.NudgeJobsAsync()).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_member_is_told_when_no_lead_could_be_reached_and_the_incident_waits_in_the_list()
    {
        // The roster job has not run yet, so no lead is on the stored roster.
        await _bed.InstallAsync(Lead);

        var thanks = await _steps.DeclareAsync(Megan);

        TextOf(thanks).Should().Contain("no lead could be reached just now");
        (await _steps.StoredAsync()).Single().State.Should().Be(IncidentState.AwaitingLead);
        TextOf(await _steps.ListAsync(Lead)).Should().Contain("Release slipped without telling support");
    }

    [Fact]
    public async Task An_incident_tool_sending_the_same_incident_twice_creates_it_once_and_each_lead_hears_once()
    {
        await _steps.InstallWithTwoLeadsAsync();
        var team = (await _bed.Service<ITeamStore>().GetTeamAsync(_bed.TeamId, CancellationToken.None))!;
        var draft = new IncidentDraft("Checkout API down", "PagerDuty: checkout API returned 500s for 40 minutes.", IncidentSeverity.Critical, Now.AddMinutes(-50), ["reliability"], IncidentVisibility.Team, "PD-4711");
        var incidents = _bed.Service<IncidentService>();

        var first = await incidents.DeclareAsync(team, draft, IncidentSource.Webhook, null, null, CancellationToken.None);
        await _bed.DeliverQueuedAsync();
        var second = await incidents.DeclareAsync(team, draft, IncidentSource.Webhook, null, null, CancellationToken.None);
        await _bed.DeliverQueuedAsync();

        first.Should().BeEquivalentTo(new { AlreadyDeclared = false, LeadsAsked = 2 });
        second.AlreadyDeclared.Should().BeTrue();
        second.Incident!.Id.Should().Be(first.Incident!.Id);
        (await _steps.StoredAsync()).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Source = IncidentSource.Webhook, DeclaredBy = (string?)null, State = IncidentState.AwaitingLead });
        TextOf(_bed.CardsSentTo(Lead).Should().ContainSingle().Subject).Should().Contain("Declared by an incident tool");
        _bed.CardsSentTo(Adele).Should().ContainSingle();
    }

    [Fact]
    public async Task A_lead_who_leaves_every_step_chosen_accepts_the_whole_plan()
    {
        await _steps.InstallWithTwoLeadsAsync();
        await _steps.DeclareAsync(Megan);

        await _steps.ClickAsync(Lead, _bed.CardsSentTo(Lead).Single(), AcceptVerb, steps: "Acknowledge,Retrospective,RecoveryPulse,ActionProgress,BaselineReview");

        (await _steps.StoredAsync()).Single().Plan.Should().Equal(RecoveryPlan.AllSteps);
        (await _steps.NudgeJobsAsync()).Should().HaveCount(5);
    }

    [Fact]
    public async Task A_dismissed_incident_gets_no_plan_and_cannot_be_accepted_afterwards()
    {
        await _steps.InstallWithTwoLeadsAsync();
        await _steps.DeclareAsync(Megan);

        var dismissed = await _steps.ClickAsync(Adele, _bed.CardsSentTo(Adele).Single(), DismissVerb);
        var acceptedLater = await _steps.ClickAsync(Lead, _bed.CardsSentTo(Lead).Single(), AcceptVerb);

        TextOf(dismissed).Should().Contain("Dismissed \"Release slipped without telling support\"");
        TextOf(acceptedLater).Should().Contain("already dismissed");
        (await _steps.StoredAsync()).Single().Should().BeEquivalentTo(new { State = IncidentState.Dismissed, ClosedAt = (DateTimeOffset?)Now, AcceptedAt = (DateTimeOffset?)null });
        (await _steps.NudgeJobsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_incident_that_is_no_longer_waiting_is_not_brought_to_a_lead_any_more()
    {
        await _steps.InstallWithTwoLeadsAsync();
        await _steps.DeclareAsync(Megan);
        var incident = (await _steps.StoredAsync()).Single();
        await _steps.ClickAsync(Lead, _bed.CardsSentTo(Lead).Single(), DismissVerb);
        var team = (await _bed.Service<ITeamStore>().GetTeamAsync(_bed.TeamId, CancellationToken.None))!;
        var request = new DeliveryRequest(DeliveryBatches.For(DeliveryKind.IncidentForLeads, team.Id, incident.Id), DeliveryKind.IncidentForLeads, team.Id, incident.Id, new RosterMemberRef(Adele.MemberId, Adele.UserId));

        var composed = await new IncidentForLeadsComposer(_bed.Service<IIncidentStore>(), _bed.Clock).ComposeAsync(request, team, CancellationToken.None);

        composed.Should().BeNull();
    }

    [Fact]
    public async Task A_lead_closes_a_running_plan_from_the_list_in_their_chat()
    {
        await _steps.InstallWithTwoLeadsAsync();
        await _steps.DeclareAsync(Lead);
        _bed.Clock.Advance(TimeSpan.FromDays(2));
        var list = await _steps.ListAsync(Lead);

        TextOf(EntryOf(list, "Release slipped without telling support")).Should().Contain("✓ Retrospective").And.Contain("Next: Recovery pulse");

        var closed = await _steps.ClickAsync(Lead, list, CloseVerb);

        TextOf(closed).Should().Contain("Closed the recovery plan").And.Contain("Recovery plan closed").And.Contain("Recovery pulse: not sent, the plan was closed");
        VerbsOn(closed).Should().NotContain(CloseVerb);
        (await _steps.StoredAsync()).Single().Should().BeEquivalentTo(new { State = IncidentState.Closed, ClosedAt = (DateTimeOffset?)Now });
    }

    [Fact]
    public async Task Keeping_a_plan_going_brings_the_leads_one_more_baseline_review_a_week_later()
    {
        await _steps.InstallWithTwoLeadsAsync();
        await _steps.DeclareAsync(Lead);
        var incident = (await _steps.StoredAsync()).Single();
        _bed.Clock.Advance(TimeSpan.FromDays(14));

        var kept = await _bed.ClickAsync(Lead, KeepGoingVerb, JObject.FromObject(new { teamId = _bed.TeamId, incidentId = incident.Id }));

        TextOf(kept).Should().Contain("keeps going");
        (await _steps.NudgeJobsAsync()).Where(job => job.Subject == RecoveryNudges.Subject(incident.Id, RecoveryStep.BaselineReview)).Select(job => job.DueAt)
            .Should().BeEquivalentTo([incident.AcceptedAt!.Value.AddDays(14), Now.AddDays(7)]);
    }

    [Fact]
    public async Task Members_see_the_accepted_incidents_meant_for_the_team_and_leads_see_every_incident_only_in_their_chat()
    {
        await _steps.InstallWithTwoLeadsAsync();
        await _steps.DeclareAsync(Lead, title: "Running for the team");
        await _steps.DeclareAsync(Lead, title: "Running for leads", visibility: "LeadsOnly", inChannel: false);
        await _steps.DeclareAsync(Megan, title: "Waiting for a lead");

        var members = TextOf(await _steps.ListAsync(Megan));
        var channel = await _steps.ListAsync(Lead, inChannel: true);
        var leads = await _steps.ListAsync(Lead);

        members.Should().Contain("Running for the team").And.NotContain("Running for leads").And.NotContain("Waiting for a lead");
        TextOf(channel).Should().Contain("Running for the team").And.NotContain("Running for leads").And.NotContain("Waiting for a lead");
        VerbsOn(channel).Should().BeEmpty();
        TextOf(leads).Should().Contain("Running for the team").And.Contain("Running for leads").And.Contain("Waiting for a lead").And.Contain("Megan Bowen");
        VerbsOn(EntryOf(leads, "Waiting for a lead")).Should().Equal(AcceptVerb, DismissVerb);
        VerbsOn(EntryOf(leads, "Running for leads")).Should().Equal(CloseVerb);
    }

    [Fact]
    public async Task A_lead_accepts_from_the_list_with_the_steps_chosen_there()
    {
        await _steps.InstallWithTwoLeadsAsync();
        await _steps.DeclareAsync(Megan);
        var list = await _steps.ListAsync(Lead);
        var data = (JObject)ButtonOf(list, AcceptVerb)["data"]!.DeepClone();
        data[$"steps.{data["incidentId"]}"] = "Retrospective";

        var accepted = await _bed.ClickAsync(Lead, AcceptVerb, data);

        TextOf(accepted).Should().Contain("Accepted").And.Contain("Incidents: Contoso");
        (await _steps.StoredAsync()).Single().Plan.Should().Equal(RecoveryStep.Retrospective);
    }

    [Fact]
    public async Task A_leads_only_incident_declared_in_the_channel_is_confirmed_there_without_its_details()
    {
        await _steps.InstallWithTwoLeadsAsync();

        var byLead = TextOf(await _steps.DeclareAsync(Lead, title: "Secret reorg leaked", whatHappened: "The reorg plan was shared outside the leads.", visibility: "LeadsOnly"));
        var byMember = TextOf(await _steps.DeclareAsync(Megan, title: "Lead shouted at me", whatHappened: "In Tuesday's stand-up, in front of everyone.", visibility: "LeadsOnly"));

        byLead.Should().Contain("recovery plan starts now").And.Contain("leads only").And.NotContain("Secret reorg").And.NotContain("reorg plan");
        byMember.Should().Contain("the leads will decide").And.NotContain("shouted").And.NotContain("stand-up");
        (await _steps.StoredAsync()).Should().HaveCount(2).And.OnlyContain(i => i.Visibility == IncidentVisibility.LeadsOnly);
    }

    [Fact]
    public async Task The_time_written_is_read_on_the_senders_clock()
    {
        await _steps.InstallWithTwoLeadsAsync();
        var data = (JObject)SubmitAction(await _steps.FormAsync(Lead))["data"]!.DeepClone();
        data.Merge(JObject.FromObject(new
        {
            title = "Release slipped",
            whatHappened = "We promised support the release for Friday; it slipped.",
            severity = "Minor",
            occurredOn = "2026-11-23",
            occurredTime = "9:45",
            factors = "reliability",
            visibility = "Team",
        }));

        await _steps.ClickInChannelAsync(Lead, DeclareVerb, data, localOffset: TimeSpan.FromHours(1));

        (await _steps.StoredAsync()).Single().OccurredAt.Should().Be(new DateTimeOffset(2026, 11, 23, 8, 45, 0, TimeSpan.Zero));
    }
}
