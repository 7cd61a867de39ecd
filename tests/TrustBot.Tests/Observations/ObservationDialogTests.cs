using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Observations;

[Collection(AzuriteCollection.Name)]
public sealed class ObservationDialogTests(AzuriteFixture azurite) : IDisposable
{
    private const string SaveVerb = "observation.save";
    private const string OtherTeamId = "19:fabrikam-general@thread.tacv2";
    private readonly PulseTestbed _bed = new(azurite);

    public void Dispose() => _bed.Dispose();

    private IObservationStore Store => _bed.Service<IObservationStore>();

    private Task<IReadOnlyList<Observation>> StoredAsync(string teamId) => Store.GetRecentAsync(teamId, 100, CancellationToken.None);

    private async Task<JObject> ObservationCardAsync(RosterMember lead)
    {
        var replies = await _bed.SayInPersonalChatAsync(lead, "log observation");
        return CardOf(replies.Single()) ?? throw new InvalidOperationException(ShownBy(replies));
    }

    // The card's own save data, filled in as a lead would fill in the card.
    private static JObject Filled(JObject card, string kind = "GoSee", string text = "At stand-up, Megan asked for help with the deploy and got it within minutes.",
        string factors = "safety,care", string effect = "Helps", string observedOn = "2026-11-20")
    {
        var data = (JObject)SubmitAction(card)["data"]!.DeepClone();
        data["kind"] = kind;
        data["text"] = text;
        data["factors"] = factors;
        data["effect"] = effect;
        data["observedOn"] = observedOn;
        return data;
    }

    private async Task<JObject> LoggedAsync(JObject data) => await _bed.ClickAsync(Lead, SaveVerb, data);

    private static JObject InputOf(JObject card, string id) =>
        card.Descendants().OfType<JObject>().Single(o => (string?)o["id"] == id);

    [Fact]
    public async Task A_lead_logs_an_observation_in_the_personal_chat_and_then_sees_it_listed()
    {
        await _bed.InstallAsync(Lead);
        var card = await ObservationCardAsync(Lead);

        var shown = await LoggedAsync(Filled(card));

        TextOf(shown).Should().Contain("Observation saved").And.Contain("Megan asked for help");
        var stored = (await StoredAsync(_bed.TeamId)).Should().ContainSingle().Subject;
        stored.Should().BeEquivalentTo(new
        {
            TeamId = _bed.TeamId,
            Kind = ObservationKind.GoSee,
            Text = "At stand-up, Megan asked for help with the deploy and got it within minutes.",
            FactorIds = new List<string> { "safety", "care" },
            Effect = ObservationEffect.Helps,
            ObservedOn = new DateOnly(2026, 11, 20),
            LoggedAt = _bed.Clock.GetUtcNow(),
            LoggedBy = Lead.MemberId,
        });

        var list = CardOf((await _bed.SayInPersonalChatAsync(Lead, "observations")).Single())!;
        TextOf(list).Should().Contain("Observations: Contoso")
            .And.Contain("GoSee · 20 Nov 2026 · Helps trust")
            .And.Contain("Factors: Psychological safety, Care")
            .And.Contain("Megan asked for help with the deploy");
    }

    [Fact]
    public async Task The_card_asks_for_kind_text_factors_effect_and_date_dated_today_and_saves_for_the_lead_s_team()
    {
        await _bed.InstallAsync(Lead);

        var card = await ObservationCardAsync(Lead);

        TextOf(card).Should().Contain("Log an observation: Contoso").And.Contain("Only the team's leads can read it");
        ((string?)InputOf(card, "observedOn")["value"]).Should().Be("2026-11-23");
        ((bool?)InputOf(card, "factors")["isMultiSelect"]).Should().BeTrue();
        InputOf(card, "kind")["choices"]!.Select(c => (string?)c["value"]).Should().Equal("Interview", "GoSee");
        InputOf(card, "effect")["choices"]!.Select(c => (string?)c["value"]).Should().Equal("Helps", "Hurts", "Neutral");
        ((int?)InputOf(card, "text")["maxLength"]).Should().Be(1000);
        var save = SubmitAction(card);
        ((string?)save["verb"]).Should().Be(SaveVerb);
        ((JObject)save["data"]!).Properties().Select(p => p.Name).Should().Equal("teamId");
        ((string?)save["data"]!["teamId"]).Should().Be(_bed.TeamId);
    }

    [Fact]
    public async Task What_follows_the_command_starts_the_text()
    {
        await _bed.InstallAsync(Lead);

        var replies = await _bed.SayInPersonalChatAsync(Lead, "log observation Adele covered for Isaiah without being asked");

        ((string?)InputOf(CardOf(replies.Single())!, "text")["value"]).Should().Be("Adele covered for Isaiah without being asked");
    }

    [Fact]
    public async Task The_list_shows_the_ten_most_recently_logged_newest_first()
    {
        await _bed.InstallAsync(Lead);
        var start = _bed.Clock.GetUtcNow();
        for (var i = 1; i <= 12; i++)
        {
            var entry = new ObservationEntry(ObservationKind.Interview, $"Note number {i:D2}.", ["reliability"], ObservationEffect.Neutral, new DateOnly(2026, 11, 1));
            await Store.SaveAsync(entry.ToObservation(_bed.TeamId, Lead.MemberId, start.AddMinutes(i), Guid.NewGuid()), CancellationToken.None);
        }

        var list = CardOf((await _bed.SayInPersonalChatAsync(Lead, "observations")).Single())!;

        var notes = list.Descendants().OfType<JValue>().Select(v => v.Value as string).Where(t => t?.StartsWith("Note number", StringComparison.Ordinal) == true);
        notes.Should().Equal(Enumerable.Range(3, 10).Reverse().Select(i => $"Note number {i:D2}."));
    }

    [Fact]
    public async Task A_team_without_observations_is_told_how_to_log_one()
    {
        await _bed.InstallAsync(Lead);

        var replies = await _bed.SayInPersonalChatAsync(Lead, "observations");

        ShownBy(replies).Should().Contain("No observations are logged for this team yet").And.Contain("log observation");
    }

    [Theory]
    [InlineData("log observation")]
    [InlineData("observations")]
    public async Task A_member_who_is_not_a_lead_gets_neither_the_card_nor_the_list(string command)
    {
        await _bed.InstallAsync(Lead);
        await _bed.SayInChannelAsync(Lead, "start pulse");

        var replies = await _bed.SayInPersonalChatAsync(Megan, command);

        replies.Should().ContainSingle().Which.Should().Match<IActivity>(r => CardOf(r) == null);
        ShownBy(replies).Should().Contain("You don't lead a team");
    }

    [Fact]
    public async Task A_member_who_saves_a_lead_s_card_is_refused_and_nothing_is_written()
    {
        await _bed.InstallAsync(Lead);
        var data = Filled(await ObservationCardAsync(Lead));

        var shown = await _bed.ClickAsync(Megan, SaveVerb, data);

        TextOf(shown).Should().Contain("Nothing was saved").And.Contain("a team you don't lead");
        (await StoredAsync(_bed.TeamId)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("log observation")]
    [InlineData("observations")]
    public async Task In_the_channel_a_lead_is_told_observations_are_private_and_nothing_else(string command)
    {
        await _bed.InstallAsync(Lead);

        var replies = await _bed.SayInChannelAsync(Lead, command);

        var reply = replies.Should().ContainSingle().Subject;
        CardOf(reply).Should().BeNull();
        ((IMessageActivity)reply).Text.Should().Be($"Observations are private: open your 1:1 chat with me and type {command} there.");
    }

    [Theory]
    [InlineData("text", "", "Please write down what you saw or heard.")]
    [InlineData("text", "   ", "Please write down what you saw or heard.")]
    [InlineData("factors", "", "Please pick at least one trust factor it bears on.")]
    [InlineData("factors", "care,safety,openness,integrity", "Please pick at most 3 trust factors (you picked 4).")]
    [InlineData("factors", "care,gossip", "Please pick only from the listed trust factors.")]
    [InlineData("observedOn", "2026-11-25", "The date is in the future; please pick the day you saw or heard it.")]
    [InlineData("observedOn", "next tuesday", "That date isn't one I can read; please pick the day from the calendar.")]
    [InlineData("observedOn", "2026-02-30", "That date isn't one I can read; please pick the day from the calendar.")]
    [InlineData("observedOn", "", "Please pick the day you saw or heard it.")]
    [InlineData("kind", "Gossip", "Please pick whether it was an interview or a GoSee.")]
    [InlineData("effect", "1", "Please pick whether it helps trust, hurts trust or is neutral.")]
    public async Task Bad_input_shows_the_card_again_with_the_problem_and_writes_nothing(string input, string value, string problem)
    {
        await _bed.InstallAsync(Lead);
        var data = Filled(await ObservationCardAsync(Lead));
        data[input] = value;

        var shown = await LoggedAsync(data);

        TextOf(shown).Should().Contain(problem).And.Contain("Log an observation");
        SubmitAction(shown)["verb"]!.ToString().Should().Be(SaveVerb);
        (await StoredAsync(_bed.TeamId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Text_over_a_thousand_characters_is_refused_with_its_length_and_kept_on_the_card()
    {
        await _bed.InstallAsync(Lead);
        var data = Filled(await ObservationCardAsync(Lead), text: new string('x', 1001));

        var shown = await LoggedAsync(data);

        TextOf(shown).Should().Contain("What you saw is 1001 characters long; please keep it to 1000 or fewer.");
        ((string?)InputOf(shown, "factors")["value"]).Should().Be("safety,care");
        ((string?)InputOf(shown, "kind")["value"]).Should().Be("GoSee");
        (await StoredAsync(_bed.TeamId)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_card_edited_to_name_a_team_the_sender_does_not_lead_is_refused_and_nothing_is_written()
    {
        await _bed.InstallAsync(Lead);
        var teams = _bed.Service<ITeamStore>();
        await teams.SaveTeamAsync(new Team(OtherTeamId, TenantId, "Fabrikam", TeamKind.Team, OtherTeamId, ServiceUrl, _bed.Clock.GetUtcNow()), CancellationToken.None);
        await teams.SaveMembershipAsync(new Membership(Megan.MemberId, OtherTeamId, TeamRole.Lead, Megan.Name), CancellationToken.None);
        await teams.SaveMembershipAsync(new Membership(Lead.MemberId, OtherTeamId, TeamRole.Member, Lead.Name), CancellationToken.None);
        var data = Filled(await ObservationCardAsync(Lead));
        data["teamId"] = OtherTeamId;

        var shown = await LoggedAsync(data);

        TextOf(shown).Should().Contain("Nothing was saved").And.Contain("a team you don't lead");
        (await StoredAsync(OtherTeamId)).Should().BeEmpty();
        (await StoredAsync(_bed.TeamId)).Should().BeEmpty();
    }

    public static TheoryData<string, string> CardsWithoutATeam => new()
    {
        { "no team id", """{"kind":"GoSee","text":"x","factors":"care","effect":"Helps","observedOn":"2026-11-20"}""" },
        { "a number for the team id", """{"teamId":42}""" },
        { "an empty team id", """{"teamId":""}""" },
        { "a team id with control characters", """{"teamId":"19:a\u0000b"}""" },
        { "an oversized team id", $$"""{"teamId":"{{new string('/', 400)}}"}""" },
    };

    [Theory]
    [MemberData(nameof(CardsWithoutATeam))]
    public async Task Card_data_that_names_no_team_is_refused_and_nothing_is_written(string why, string json)
    {
        await _bed.InstallAsync(Lead);

        var shown = await _bed.ClickAsync(Lead, SaveVerb, JObject.Parse(json));

        TextOf(shown).Should().Contain("Nothing was saved").And.Contain("doesn't name a team I know", why);
        (await StoredAsync(_bed.TeamId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Inputs_of_the_wrong_shape_ask_for_the_card_again_and_write_nothing()
    {
        await _bed.InstallAsync(Lead);
        var data = Filled(await ObservationCardAsync(Lead));
        data["text"] = new JArray("a", "b");
        data["factors"] = new JObject { ["care"] = true };

        var shown = await LoggedAsync(data);

        TextOf(shown).Should().Contain("Some of the answers could not be read. Please fill in the card again.");
        (await StoredAsync(_bed.TeamId)).Should().BeEmpty();
    }
}
