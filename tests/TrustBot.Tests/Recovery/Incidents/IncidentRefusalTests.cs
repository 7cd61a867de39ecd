using Newtonsoft.Json.Linq;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;
using static TrustBot.Tests.Recovery.Incidents.IncidentSteps;

namespace TrustBot.Tests.Recovery.Incidents;

/// <summary>Every declaration or decision that must not go through is refused with a clear message, and nothing is written.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IncidentRefusalTests : IDisposable
{
    private const string OtherTeamId = "19:fabrikam-general@thread.tacv2";
    private readonly PulseTestbed _bed;
    private readonly IncidentSteps _steps;

    public IncidentRefusalTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        _steps = new IncidentSteps(_bed);
    }

    public void Dispose() => _bed.Dispose();

    private async Task NothingWasWrittenAsync()
    {
        (await _steps.StoredAsync()).Should().BeEmpty();
        (await _steps.NudgeJobsAsync()).Should().BeEmpty();
        _bed.CardsSentTo(Lead).Should().BeEmpty();
        _bed.CardsSentTo(Adele).Should().BeEmpty();
    }

    [Theory]
    [InlineData("title", "", "Please give the incident a short title.")]
    [InlineData("title", "LONG", "The title is 121 characters long; please keep it to 120 or fewer.")]
    [InlineData("whatHappened", "", "Please say what happened")]
    [InlineData("whatHappened", "Oops.", "Please say what happened")]
    [InlineData("factors", "", "Please pick at least one trust factor it hit.")]
    [InlineData("factors", "reliability,gossip", "Please pick the trust factors it hit from the list.")]
    [InlineData("occurredOn", "2026-11-24", "When it happened is in the future")]
    [InlineData("occurredOn", "2025-11-01", "more than a year ago")]
    [InlineData("occurredOn", "yesterday", "That day isn't one I can read")]
    [InlineData("occurredTime", "25:99", "Please write the time it happened as hours and minutes")]
    [InlineData("severity", "Catastrophic", "The severity must be one of Minor, Major or Critical.")]
    [InlineData("severity", "2", "The severity must be one of Minor, Major or Critical.")]
    [InlineData("visibility", "Everyone", "The visibility must be the whole team or leads only.")]
    public async Task A_bad_declaration_is_shown_again_with_the_problem_and_nothing_is_written(string input, string value, string problem)
    {
        await _steps.InstallWithTwoLeadsAsync();
        var form = await _steps.FormAsync(Megan);
        var data = (JObject)SubmitAction(form)["data"]!.DeepClone();
        data.Merge(JObject.FromObject(new
        {
            title = "Release slipped",
            whatHappened = "We promised support the release for Friday; it slipped.",
            severity = "Major",
            occurredOn = "2026-11-22",
            occurredTime = "15:30",
            factors = "reliability",
            visibility = "Team",
        }));
        data[input] = value == "LONG" ? new string('x', 121) : value;

        var shown = await _steps.ClickInChannelAsync(Megan, DeclareVerb, data);

        TextOf(shown).Should().Contain(problem).And.Contain("Declare an incident");
        await NothingWasWrittenAsync();
    }

    [Fact]
    public async Task A_refused_leads_only_form_in_the_channel_does_not_show_what_was_written()
    {
        await _steps.InstallWithTwoLeadsAsync();

        var shown = await _steps.DeclareAsync(Megan, title: "Lead shouted at me", whatHappened: "In Tuesday's stand-up.", factors: "", visibility: "LeadsOnly");

        TextOf(shown).Should().Contain("Please pick at least one trust factor").And.Contain("isn't shown again here").And.NotContain("shouted").And.NotContain("stand-up");
        await NothingWasWrittenAsync();
    }

    [Fact]
    public async Task A_bad_declaration_in_the_1to1_chat_keeps_what_was_written()
    {
        await _steps.InstallWithTwoLeadsAsync();

        var shown = await _steps.DeclareAsync(Megan, title: "Lead shouted at me", factors: "", visibility: "LeadsOnly", inChannel: false);

        TextOf(shown).Should().Contain("Please pick at least one trust factor").And.Contain("Lead shouted at me");
        await NothingWasWrittenAsync();
    }

    [Theory]
    [InlineData(DeclareVerb, "{}")]
    [InlineData(DeclareVerb, "{\"teamId\": 42}")]
    [InlineData(DeclareVerb, "{\"teamId\": \"19:contoso-general@thread.tacv2\", \"title\": {\"x\": 1}}")]
    [InlineData(DeclareVerb, "{\"teamId\": \"19:contoso-general@thread.tacv2\", \"factors\": [\"care\"]}")]
    [InlineData(AcceptVerb, "{}")]
    [InlineData(AcceptVerb, "{\"teamId\": \"19:contoso-general@thread.tacv2\", \"incidentId\": \"../x\"}")]
    [InlineData(DismissVerb, "{\"teamId\": \"19:contoso-general@thread.tacv2\", \"incidentId\": [1]}")]
    [InlineData(CloseVerb, "{\"teamId\": \"19:contoso general\", \"incidentId\": \"inc-1\"}")]
    [InlineData(KeepGoingVerb, "{\"teamId\": \"19:contoso-general@thread.tacv2\"}")]
    public async Task Malformed_data_is_refused_and_nothing_is_written(string verb, string json)
    {
        await _steps.InstallWithTwoLeadsAsync();

        var shown = await _bed.ClickAsync(Lead, verb, JObject.Parse(json));

        TextOf(shown).Should().Contain("This card can't be used");
        await NothingWasWrittenAsync();
    }

    [Fact]
    public async Task A_form_for_a_team_the_sender_is_not_on_is_refused()
    {
        await _steps.InstallWithTwoLeadsAsync();
        var data = (JObject)SubmitAction(await _steps.FormAsync(Megan))["data"]!.DeepClone();
        _bed.Roster = [Lead, Adele];

        var ours = await _bed.ClickAsync(Megan, DeclareVerb, data);
        data["teamId"] = "19:nobody-knows@thread.tacv2";
        var unknown = await _bed.ClickAsync(Megan, DeclareVerb, data);

        TextOf(ours).Should().Contain("a team you're not a member of");
        TextOf(unknown).Should().Contain("a team you're not a member of");
        await NothingWasWrittenAsync();
    }

    [Fact]
    public async Task A_member_cannot_accept_dismiss_close_or_extend_a_plan()
    {
        await _steps.InstallWithTwoLeadsAsync();
        await _steps.DeclareAsync(Megan, title: "Waiting");
        await _steps.DeclareAsync(Lead, title: "Running");
        var (waiting, running) = ((await _steps.StoredAsync()).Single(i => i.Title == "Waiting"), (await _steps.StoredAsync()).Single(i => i.Title == "Running"));
        var jobsBefore = (await _steps.NudgeJobsAsync()).Count;

        var clicks = new[]
        {
            await _bed.ClickAsync(Megan, AcceptVerb, Data(waiting.Id, "Lead")),
            await _bed.ClickAsync(Megan, DismissVerb, Data(waiting.Id, "List")),
            await _bed.ClickAsync(Megan, CloseVerb, Data(running.Id, null)),
            await _bed.ClickAsync(Megan, KeepGoingVerb, Data(running.Id, null)),
        };

        clicks.Should().AllSatisfy(reply => TextOf(reply).Should().Contain("Only a lead of the team"));
        (await _steps.StoredAsync()).Select(i => i.State).Should().BeEquivalentTo([IncidentState.AwaitingLead, IncidentState.Active]);
        (await _steps.NudgeJobsAsync()).Should().HaveCount(jobsBefore);
    }

    [Fact]
    public async Task Another_teams_incident_or_an_unknown_one_is_not_found_and_a_team_the_sender_does_not_lead_is_refused()
    {
        await _steps.InstallWithTwoLeadsAsync();
        var fabrikam = new Team(OtherTeamId, TenantId, "Fabrikam", TeamKind.Team, OtherTeamId, ServiceUrl, _bed.Clock.GetUtcNow());
        await _bed.Service<ITeamStore>().SaveTeamAsync(fabrikam, CancellationToken.None);
        var theirs = IncidentRules.Declare(
            new IncidentDraft("Their incident", "Something that happened at Fabrikam.", IncidentSeverity.Minor, _bed.Clock.GetUtcNow(), ["care"], IncidentVisibility.Team),
            OtherTeamId, IncidentSource.Member, "aad-someone", "Someone", _bed.Clock.GetUtcNow(), Guid.NewGuid());
        await _bed.Service<IIncidentStore>().AddAsync(theirs, CancellationToken.None);

        var foreign = await _bed.ClickAsync(Lead, AcceptVerb, Data(theirs.Id, "Lead"));
        var unknown = await _bed.ClickAsync(Lead, DismissVerb, Data(IncidentIds.New(_bed.Clock.GetUtcNow(), Guid.NewGuid()), "List"));
        var notTheirLead = await _bed.ClickAsync(Lead, AcceptVerb, JObject.FromObject(new { teamId = OtherTeamId, incidentId = theirs.Id }));

        TextOf(foreign).Should().Contain("isn't one of this team's");
        TextOf(unknown).Should().Contain("isn't one of this team's");
        TextOf(notTheirLead).Should().Contain("Only a lead of the team");
        (await _bed.Service<IIncidentStore>().GetAsync(OtherTeamId, theirs.Id, CancellationToken.None))!.State.Should().Be(IncidentState.AwaitingLead);
        (await _steps.NudgeJobsAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("Acknowledge,Party")]
    [InlineData("0")]
    public async Task Accepting_with_no_steps_or_steps_that_are_not_in_the_plan_changes_nothing(string steps)
    {
        await _steps.InstallWithTwoLeadsAsync();
        await _steps.DeclareAsync(Megan);

        var shown = await _steps.ClickAsync(Lead, _bed.CardsSentTo(Lead).Single(), AcceptVerb, steps);

        TextOf(shown).Should().ContainAny("Please pick at least one step", "Please pick the steps of the recovery plan from the list");
        (await _steps.StoredAsync()).Single().State.Should().Be(IncidentState.AwaitingLead);
        (await _steps.NudgeJobsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Closing_a_plan_twice_or_closing_one_still_waiting_changes_nothing()
    {
        await _steps.InstallWithTwoLeadsAsync();
        await _steps.DeclareAsync(Megan, title: "Waiting");
        await _steps.DeclareAsync(Lead, title: "Running");
        var stored = await _steps.StoredAsync();
        var running = stored.Single(i => i.Title == "Running");
        await _bed.ClickAsync(Lead, CloseVerb, Data(running.Id, null));
        _bed.Clock.Advance(TimeSpan.FromHours(1));

        var again = await _bed.ClickAsync(Lead, CloseVerb, Data(running.Id, null));
        var waiting = await _bed.ClickAsync(Lead, CloseVerb, Data(stored.Single(i => i.Title == "Waiting").Id, null));
        var keptAfterClose = await _bed.ClickAsync(Lead, KeepGoingVerb, Data(running.Id, null));

        TextOf(again).Should().Contain("already closed");
        TextOf(waiting).Should().Contain("still waiting for a lead");
        TextOf(keptAfterClose).Should().Contain("already closed");
        (await _steps.StoredAsync()).Single(i => i.Title == "Running").ClosedAt.Should().Be(_bed.Clock.GetUtcNow().AddHours(-1));
    }

    private JObject Data(string incidentId, string? view) =>
        view is null
            ? JObject.FromObject(new { teamId = _bed.TeamId, incidentId })
            : JObject.FromObject(new { teamId = _bed.TeamId, incidentId, view });
}
