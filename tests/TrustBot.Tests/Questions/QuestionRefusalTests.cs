using Newtonsoft.Json.Linq;
using TrustBot.Domain.Questions;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Questions;

/// <summary>Every bad add or retire gets a clear card and writes nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QuestionRefusalTests : IDisposable
{
    private const string OtherTeamId = "19:another-team@thread.tacv2";
    private const string Valid = "People on this team hand over work without surprises.";
    private readonly PulseTestbed _bed;
    private readonly QuestionSteps _lead;

    public QuestionRefusalTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        _lead = new QuestionSteps(_bed);
    }

    public void Dispose() => _bed.Dispose();

    private async Task<JObject> AddDataAsync(string? text = Valid, string? factor = "care")
    {
        await _bed.InstallAsync(Lead);
        return QuestionSteps.Filled(await _lead.AddCardAsync(), text, factor);
    }

    private async Task NothingStoredAsync(string? teamId = null) => (await _lead.StoredAsync(teamId)).Should().BeEmpty();

    private Task SeedAsync(string teamId, string text, DateTimeOffset? retiredAt = null) =>
        _lead.Store.AddAsync(TeamQuestion.New(teamId, new TeamQuestionDraft(text, "care", false), Guid.NewGuid(), _bed.Clock.GetUtcNow()) with { RetiredAt = retiredAt }, CancellationToken.None);

    public static TheoryData<string, string, string> BadDrafts => new()
    {
        { "", "care", "Please write the question" },
        { "   ", "care", "Please write the question" },
        { "Too short", "care", "The question is 9 characters long; please make it at least 10" },
        { new string('x', 201), "care", "The question is 201 characters long; please keep it to 200 or fewer." },
        { Valid, "trustiness", "That factor is not one I know" },
        { Valid, "", "Please choose the factor of trust the question measures" },
        { Valid, "overall", "Every pulse already ends with the overall-trust question" },
        { "PEOPLE ON THIS TEAM DO WHAT THEY SAY THEY WILL DO.", "care", "Your team's pulses already ask this question" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task A_bad_question_shows_the_card_again_with_the_problem_and_the_lead_input(string text, string factor, string problem)
    {
        var shown = await _bed.ClickAsync(Lead, QuestionSteps.AddVerb, await AddDataAsync(text, factor));

        TextOf(shown).Should().Contain(problem);
        SubmitAction(shown)["verb"]!.ToString().Should().Be(QuestionSteps.AddVerb, "the lead can fix it and add again");
        ((string?)shown.Descendants().OfType<JObject>().Single(o => (string?)o["id"] == "text")["value"]).Should().Be(text);
        await NothingStoredAsync();
    }

    [Fact]
    public async Task A_question_the_team_already_added_is_a_duplicate()
    {
        var data = await AddDataAsync();
        await _bed.ClickAsync(Lead, QuestionSteps.AddVerb, data);

        var shown = await _bed.ClickAsync(Lead, QuestionSteps.AddVerb, data);

        TextOf(shown).Should().Contain("Your team's pulses already ask this question");
        (await _lead.StoredAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task A_twenty_first_active_question_is_refused_until_one_is_retired()
    {
        var data = await AddDataAsync();
        for (var n = 1; n <= 20; n++)
        {
            await SeedAsync(_bed.TeamId, $"Our own question number {n}.");
        }

        var shown = await _bed.ClickAsync(Lead, QuestionSteps.AddVerb, data);

        TextOf(shown).Should().Contain("Your team already has 20 questions of its own in use. Retire one first");
        (await _lead.StoredAsync()).Should().HaveCount(20);
    }

    [Fact]
    public async Task A_member_who_submits_the_add_card_is_refused()
    {
        var data = await AddDataAsync();

        var shown = await _bed.ClickAsync(Megan, QuestionSteps.AddVerb, data);

        TextOf(shown).Should().Contain("Only a lead can change this team's questions").And.Contain("nothing was changed");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task An_add_card_edited_to_name_a_team_the_sender_does_not_lead_is_refused()
    {
        var data = await AddDataAsync();
        data["teamId"] = OtherTeamId;
        await _bed.Service<ITeamStore>().SaveMembershipAsync(new Membership(Lead.MemberId, OtherTeamId, TeamRole.Member, Lead.Name), CancellationToken.None);

        var shown = await _bed.ClickAsync(Lead, QuestionSteps.AddVerb, data);

        TextOf(shown).Should().Contain("Only a lead can change this team's questions");
        await NothingStoredAsync(OtherTeamId);
        await NothingStoredAsync();
    }

    public static TheoryData<string> MalformedAddData => new()
    {
        """{"text":"People on this team hand over work.","factor":"care"}""",
        """{"teamId":42,"text":"People on this team hand over work.","factor":"care"}""",
        """{"teamId":"","text":"People on this team hand over work.","factor":"care"}""",
        """{"teamId":"19:x y@thread.tacv2","text":"People on this team hand over work.","factor":"care"}""",
        $$"""{"teamId":"19:{{new string('a', 200)}}@thread.tacv2","text":"People on this team hand over work.","factor":"care"}""",
        """{"teamId":"19:contoso-general@thread.tacv2","text":{"a":1},"factor":"care"}""",
        """{"teamId":"19:contoso-general@thread.tacv2","text":"People on this team hand over work.","factor":["care"]}""",
        """{"teamId":"19:contoso-general@thread.tacv2","text":"People on this team hand over work.","factor":"care","reverse":"maybe"}""",
    };

    [Theory]
    [MemberData(nameof(MalformedAddData))]
    public async Task Malformed_add_data_is_refused_with_a_clear_card(string json)
    {
        await _bed.InstallAsync(Lead);

        var shown = await _bed.ClickAsync(Lead, QuestionSteps.AddVerb, JObject.Parse(json));

        TextOf(shown).Should().Contain("This card can't be used").And.Contain("nothing was added");
        await NothingStoredAsync();
    }

    [Theory]
    [InlineData("custom.ZZZZZZZZ")]
    [InlineData("safety.1")]
    [InlineData("custom.0123abcd|x")]
    [InlineData("")]
    public async Task A_retire_button_edited_to_a_malformed_id_is_refused_before_any_lookup(string itemId)
    {
        await _bed.InstallAsync(Lead);

        var shown = await _bed.ClickAsync(Lead, QuestionSteps.RetireVerb, JObject.FromObject(new { teamId = _bed.TeamId, itemId }));

        TextOf(shown).Should().Contain("This card can't be used").And.Contain("nothing was retired");
    }

    [Fact]
    public async Task Retiring_an_unknown_question_or_another_teams_says_it_is_not_the_teams()
    {
        await _bed.InstallAsync(Lead);
        await SeedAsync(OtherTeamId, Valid);
        var theirs = (await _lead.StoredAsync(OtherTeamId)).Single().Item.Id;

        foreach (var itemId in new[] { "custom.00000000", theirs })
        {
            var shown = await _bed.ClickAsync(Lead, QuestionSteps.RetireVerb, JObject.FromObject(new { teamId = _bed.TeamId, itemId }));

            TextOf(shown).Should().Contain("Nothing was retired").And.Contain("isn't one of your team's");
        }

        (await _lead.StoredAsync(OtherTeamId)).Single().IsRetired.Should().BeFalse();
    }

    [Fact]
    public async Task Retiring_in_a_team_the_sender_does_not_lead_is_refused()
    {
        await _bed.InstallAsync(Lead);
        await _lead.AddAsync(Valid);
        await SeedAsync(OtherTeamId, Valid);
        var ours = QuestionSteps.RetireData(await _lead.ListAsync(), Valid);
        var theirs = JObject.FromObject(new { teamId = OtherTeamId, itemId = (await _lead.StoredAsync(OtherTeamId)).Single().Item.Id });

        TextOf(await _bed.ClickAsync(Megan, QuestionSteps.RetireVerb, ours)).Should().Contain("Only a lead can change this team's questions");
        TextOf(await _bed.ClickAsync(Lead, QuestionSteps.RetireVerb, theirs)).Should().Contain("Only a lead can change this team's questions");

        (await _lead.StoredAsync()).Single().IsRetired.Should().BeFalse();
        (await _lead.StoredAsync(OtherTeamId)).Single().IsRetired.Should().BeFalse();
    }
}
