using Newtonsoft.Json.Linq;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Actions.ActionSteps;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Actions;

/// <summary>
/// Actions from an incident's retrospective: the nudge's "add an action" button opens the add card
/// for the incident, and the item keeps the link, checked against the team's incidents on the server.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IncidentActionTests : IDisposable
{
    private const string OtherTeamId = "19:fabrikam-general@thread.tacv2";
    private readonly PulseTestbed _bed;
    private readonly ActionSteps _steps;

    public IncidentActionTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        _steps = new ActionSteps(_bed);
    }

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task The_retrospective_button_opens_the_add_card_on_the_incidents_first_factor_with_a_note()
    {
        await _bed.InstallAsync(Lead);
        var incident = await _steps.IncidentAsync("Release night outage", factor: "openness");

        var card = await _steps.OpenForIncidentAsync(Lead, incident.Id);

        TextOf(card).Should().Contain("Add an action item").And.Contain("This action comes from the retrospective of Release night outage");
        ValueOf(card, "factor").Should().Be("openness");
        ValueOf(card, "owner").Should().Be(Lead.MemberId);
        SubmitAction(card)["data"]!["incidentId"]!.ToString().Should().Be(incident.Id);
    }

    [Fact]
    public async Task An_action_added_from_the_retrospective_keeps_its_incident_and_the_list_names_it()
    {
        await _bed.InstallAsync(Lead);
        var incident = await _steps.IncidentAsync("Release night outage");
        await _steps.AddAsync(Megan, "Megan's own item");

        var added = await _steps.SubmitAsync(Lead, await _steps.OpenForIncidentAsync(Lead, incident.Id), "Publish the sign-in runbook");

        TextOf(added).Should().Contain("Action added").And.Contain("from incident: Release night outage");
        ((string)SubmitAction(added)["verb"]!).Should().Be(NewForIncidentVerb, "a retrospective usually agrees on more than one step");
        (await _steps.StoredAsync()).Select(item => (item.Title, item.IncidentId)).Should().BeEquivalentTo(
            [("Megan's own item", (string?)null), ("Publish the sign-in runbook", incident.Id)]);
        TextOf(ItemOf(await _steps.ListAsync(Megan), "Publish the sign-in runbook")).Should().Contain("from incident: Release night outage");
        TextOf(ItemOf(await _steps.ListAsync(Megan), "Megan's own item")).Should().NotContain("from incident");
    }

    [Fact]
    public async Task A_refused_submit_shows_the_card_again_for_the_same_incident_and_writes_nothing()
    {
        await _bed.InstallAsync(Lead);
        var incident = await _steps.IncidentAsync("Release night outage");

        var shown = await _steps.SubmitAsync(Lead, await _steps.OpenForIncidentAsync(Lead, incident.Id), string.Empty);

        TextOf(shown).Should().Contain("Please say what is to be done.").And.Contain("retrospective of Release night outage");
        SubmitAction(shown)["data"]!["incidentId"]!.ToString().Should().Be(incident.Id);
        (await _steps.StoredAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_item_of_a_leads_only_incident_is_listed_without_naming_the_incident()
    {
        await _bed.InstallAsync(Lead);
        var incident = await _steps.IncidentAsync("Quiet leads-only matter", IncidentVisibility.LeadsOnly);
        await _steps.SubmitAsync(Lead, await _steps.OpenForIncidentAsync(Lead, incident.Id), "Check in with the people involved");

        var list = await _steps.ListAsync(Lead);

        TextOf(list).Should().Contain("Check in with the people involved").And.NotContain("Quiet leads-only matter");
        (await _steps.StoredAsync()).Single().IncidentId.Should().Be(incident.Id);
    }

    [Fact]
    public async Task An_unknown_incident_or_another_teams_is_refused_and_nothing_is_written()
    {
        await _bed.InstallAsync(Lead);
        await _bed.Service<ITeamStore>().SaveTeamAsync(new Team(OtherTeamId, TenantId, "Fabrikam", TeamKind.Team, OtherTeamId, ServiceUrl, _bed.Clock.GetUtcNow()), CancellationToken.None);
        var theirs = await _steps.IncidentAsync("Fabrikam's outage", teamId: OtherTeamId);
        var ours = await _steps.IncidentAsync("Release night outage");
        var addCard = await _steps.OpenForIncidentAsync(Lead, ours.Id);

        var unknown = await _steps.OpenForIncidentAsync(Lead, IncidentIds.New(_bed.Clock.GetUtcNow(), Guid.NewGuid()));
        var foreign = await _steps.OpenForIncidentAsync(Lead, theirs.Id);
        var tampered = await _steps.SubmitAsync(Lead, addCard, "Publish the sign-in runbook", data => data["incidentId"] = theirs.Id);

        foreach (var refused in new[] { unknown, foreign, tampered })
        {
            TextOf(refused).Should().Contain("Nothing was added").And.Contain("isn't one this team is recovering from").And.NotContain("Fabrikam's outage");
        }

        (await _steps.StoredAsync()).Should().BeEmpty();
        (await _steps.StoredAsync(OtherTeamId)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_member_cannot_add_an_action_for_a_leads_only_incident_nor_one_no_lead_has_accepted()
    {
        await _bed.InstallAsync(Lead);
        var leadsOnly = await _steps.IncidentAsync("Quiet leads-only matter", IncidentVisibility.LeadsOnly);
        var awaiting = await _steps.IncidentAsync("Megan's report", declaredBy: Megan);
        var forTeam = await _steps.IncidentAsync("Release night outage");
        var teamCard = await _steps.OpenForIncidentAsync(Megan, forTeam.Id);

        var opened = await _steps.OpenForIncidentAsync(Megan, leadsOnly.Id);
        var waiting = await _steps.OpenForIncidentAsync(Lead, awaiting.Id);
        var tampered = await _steps.SubmitAsync(Megan, teamCard, "Publish the sign-in runbook", data => data["incidentId"] = leadsOnly.Id);

        foreach (var refused in new[] { opened, waiting, tampered })
        {
            TextOf(refused).Should().Contain("Nothing was added").And.NotContain("Quiet leads-only matter");
        }

        TextOf(teamCard).Should().Contain("retrospective of Release night outage", "an incident the whole team hears about is anyone's to act on");
        (await _steps.StoredAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("{\"teamId\": \"19:contoso-general@thread.tacv2\"}")]
    [InlineData("{\"teamId\": \"19:contoso-general@thread.tacv2\", \"incidentId\": \"../x\"}")]
    [InlineData("{\"teamId\": \"19:contoso-general@thread.tacv2\", \"incidentId\": 42}")]
    public async Task A_malformed_add_an_action_button_is_refused(string json)
    {
        await _bed.InstallAsync(Lead);

        var opened = await _bed.ClickAsync(Lead, NewForIncidentVerb, JObject.Parse(json));

        TextOf(opened).Should().Contain("This card can't be used");
    }

    [Theory]
    [InlineData("\"inc-../x\"")]
    [InlineData("42")]
    public async Task An_add_card_with_a_malformed_incident_id_is_refused_and_nothing_is_written(string incidentId)
    {
        await _bed.InstallAsync(Lead);
        var incident = await _steps.IncidentAsync();

        var added = await _steps.SubmitAsync(Lead, await _steps.OpenForIncidentAsync(Lead, incident.Id), "Publish the sign-in runbook",
            data => data["incidentId"] = JToken.Parse(incidentId));

        TextOf(added).Should().Contain("This card can't be used");
        (await _steps.StoredAsync()).Should().BeEmpty();
    }
}
