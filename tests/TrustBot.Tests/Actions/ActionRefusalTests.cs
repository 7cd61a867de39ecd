using Newtonsoft.Json.Linq;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Actions.ActionSteps;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Actions;

[Collection(AzuriteCollection.Name)]
public sealed class ActionRefusalTests : IDisposable
{
    private const string OtherTeamId = "19:fabrikam-general@thread.tacv2";
    private readonly PulseTestbed _bed;
    private readonly ActionSteps _steps;

    public ActionRefusalTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        _steps = new ActionSteps(_bed);
    }

    public void Dispose() => _bed.Dispose();

    [Theory]
    [InlineData("", "2026-11-30", "reliability", "Please say what is to be done.")]
    [InlineData("LONG", "2026-11-30", "reliability", "The title is 201 characters long")]
    [InlineData("Fine", "2026-11-22", "reliability", "The due date is in the past")]
    [InlineData("Fine", "next tuesday", "reliability", "That due date isn't one I can read")]
    [InlineData("Fine", "2026-11-30", "gossip", "Please pick one of the listed trust factors.")]
    public async Task A_bad_add_is_shown_again_with_the_problem_and_nothing_is_written(string title, string dueOn, string factor, string problem)
    {
        await _bed.InstallAsync(Lead);

        var shown = await _steps.AddAsync(Megan, title == "LONG" ? new string('x', 201) : title, dueOn: dueOn, factor: factor);

        TextOf(shown).Should().Contain(problem).And.Contain("Add an action item");
        (await _steps.StoredAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_owner_who_is_not_on_the_team_is_refused()
    {
        await _bed.InstallAsync(Lead);

        var shown = await _steps.AddAsync(Megan, "Fine", owner: new RosterMember("aad-mallory", "29:1mallory", "Mallory"));

        TextOf(shown).Should().Contain("The owner must be a member of the team");
        (await _steps.StoredAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Someone_not_on_the_team_cannot_add_or_change_items()
    {
        await _bed.InstallAsync(Lead);
        await _steps.AddAsync(Megan, "Megan's item");
        var list = await _steps.ListAsync(Megan);
        _bed.Roster = [Lead, Adele];

        var completed = await _steps.ClickAsync(Megan, list, "Megan's item", CompleteVerb);

        TextOf(completed).Should().Contain("a team you're not a member of");
        (await _steps.StoredAsync()).Single().IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task Reassigning_to_someone_not_on_the_team_or_rescheduling_into_the_past_changes_nothing()
    {
        await _bed.InstallAsync(Lead);
        await _steps.AddAsync(Megan, "Megan's item");
        var list = await _steps.ListAsync(Megan);

        var reassigned = await _steps.ClickAsync(Megan, list, "Megan's item", ReassignVerb, owner: "aad-mallory");
        var rescheduled = await _steps.ClickAsync(Megan, list, "Megan's item", RescheduleVerb, dueOn: "2026-11-01");
        var unreadable = await _steps.ClickAsync(Megan, list, "Megan's item", RescheduleVerb, dueOn: "soon");

        TextOf(reassigned).Should().Contain("The owner must be a member of the team");
        TextOf(rescheduled).Should().Contain("The due date is in the past");
        TextOf(unreadable).Should().Contain("isn't one I can read");
        (await _steps.StoredAsync()).Single().Should().BeEquivalentTo(new { OwnerId = Megan.MemberId, DueOn = new DateOnly(2026, 11, 30) });
    }

    [Fact]
    public async Task An_item_of_another_team_or_an_unknown_item_is_not_found_and_nothing_changes()
    {
        await _bed.InstallAsync(Lead);
        await _steps.AddAsync(Megan, "Megan's item");
        var list = await _steps.ListAsync(Megan);
        var data = (JObject)ButtonOf(list, "Megan's item", CompleteVerb)["data"]!.DeepClone();
        await _bed.Service<ITeamStore>().SaveTeamAsync(new Team(OtherTeamId, TenantId, "Fabrikam", TeamKind.Team, OtherTeamId, ServiceUrl, _bed.Clock.GetUtcNow()), CancellationToken.None);

        data["teamId"] = OtherTeamId;
        var foreign = await _bed.ClickAsync(Megan, CompleteVerb, data);
        data["teamId"] = _bed.TeamId;
        data["itemId"] = "0639000000000000000-deadbeef";
        var unknown = await _bed.ClickAsync(Megan, CompleteVerb, data);

        TextOf(foreign).Should().Contain("isn't one of this team's");
        TextOf(unknown).Should().Contain("isn't one of this team's");
        (await _steps.StoredAsync()).Single().IsCompleted.Should().BeFalse();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"teamId\": 42}")]
    [InlineData("{\"teamId\": \"19:contoso-general@thread.tacv2\", \"itemId\": \"../x\", \"dueOn\": 5}")]
    [InlineData("{\"teamId\": \"19:contoso-general@thread.tacv2\", \"title\": {\"x\": 1}}")]
    public async Task Malformed_data_is_refused_and_nothing_is_written(string json)
    {
        await _bed.InstallAsync(Lead);

        var added = await _bed.ClickAsync(Megan, AddVerb, JObject.Parse(json));
        var completed = await _bed.ClickAsync(Megan, CompleteVerb, JObject.Parse(json));

        TextOf(added).Should().Contain("This card can't be used");
        TextOf(completed).Should().Contain("This card can't be used");
        (await _steps.StoredAsync()).Should().BeEmpty();
    }
}
