using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;
using TrustBot.Recovery.Webhook;
using TrustBot.Teams;
using TrustBot.Teams.Leads;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Teams;

/// <summary>
/// Leads follow the team: the role ends when the person leaves the team or the bot is removed,
/// reinstalling never brings old leads back, and leads manage the role with <c>leads</c>,
/// <c>add lead</c> and <c>remove lead</c> (a people picker from the stored roster).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LeadsTests(AzuriteFixture azurite) : IDisposable
{
    private const string ObserveVerb = "observation.save";
    private readonly PulseTestbed _bed = new(azurite);

    public void Dispose() => _bed.Dispose();

    private ITeamStore Teams => _bed.Service<ITeamStore>();

    private static ChannelAccount AccountOf(RosterMember member) => new(member.UserId) { AadObjectId = member.MemberId };

    /// <summary>The bot is installed by <paramref name="installer"/> and the roster sync has run.</summary>
    private async Task InstalledAsync(RosterMember installer, string? teamId = null)
    {
        await _bed.InstallAsync(installer, teamId);
        await _bed.AdvanceAsync(TimeSpan.Zero);
    }

    private async Task<JObject> CardAsync(RosterMember sender, string text)
    {
        var replies = await _bed.SayInPersonalChatAsync(sender, text);
        return replies.Select(CardOf).OfType<JObject>().FirstOrDefault() ?? throw new InvalidOperationException(ShownBy(replies));
    }

    private static JObject Pick(JObject pickerCard, string memberId)
    {
        var data = (JObject)SubmitAction(pickerCard)["data"]!.DeepClone();
        data[LeadPickerCard.MemberInput] = memberId;
        return data;
    }

    private static IReadOnlyList<string> ChoicesOf(JObject card) =>
        [.. card.Descendants().OfType<JObject>().Single(o => (string?)o["id"] == LeadPickerCard.MemberInput)["choices"]!.Select(c => (string)c["value"]!)];

    private async Task<JObject> AddLeadAsync(RosterMember lead, RosterMember newLead) =>
        await _bed.ClickAsync(lead, LeadPickerCard.AddVerb, Pick(await CardAsync(lead, "add lead"), newLead.MemberId));

    private async Task<TeamRole?> RoleAsync(RosterMember member, string? teamId = null) =>
        (await Teams.GetMembershipAsync(member.MemberId, teamId ?? _bed.TeamId, CancellationToken.None))?.Role;

    [Fact]
    public async Task Anyone_on_the_team_sees_who_leads_it()
    {
        await InstalledAsync(Lead);

        var replies = await _bed.SayInChannelAsync(Megan, "leads");

        ShownBy(replies).Should().Contain("Leads of Contoso").And.Contain(Lead.Name).And.NotContain(Megan.Name);
    }

    [Fact]
    public async Task A_lead_makes_a_member_a_lead_who_is_told_so_in_their_chat_and_can_then_read_the_summary()
    {
        await InstalledAsync(Lead);
        var card = await CardAsync(Lead, "add lead");
        ChoicesOf(card).Should().BeEquivalentTo([Megan.MemberId, Adele.MemberId, Isaiah.MemberId], "the roster, less those who lead already");

        var done = await _bed.ClickAsync(Lead, LeadPickerCard.AddVerb, Pick(card, Megan.MemberId));
        await _bed.DeliverQueuedAsync();

        TextOf(done).Should().Contain("Megan Bowen now leads Contoso");
        (await RoleAsync(Megan)).Should().Be(TeamRole.Lead);
        TextOf(_bed.CardsSentTo(Megan).Should().ContainSingle().Subject).Should().Contain("You now lead Contoso");
        ShownBy(await _bed.SayInPersonalChatAsync(Megan, "summary")).Should().Contain("Trust summary");
    }

    [Fact]
    public async Task A_lead_hands_over_by_removing_themselves_once_there_is_another_lead()
    {
        await InstalledAsync(Lead);
        await AddLeadAsync(Lead, Megan);
        var card = await CardAsync(Lead, "remove lead");
        ChoicesOf(card).Should().BeEquivalentTo([Lead.MemberId, Megan.MemberId]);

        var done = await _bed.ClickAsync(Lead, LeadPickerCard.RemoveVerb, Pick(card, Lead.MemberId));

        TextOf(done).Should().Contain("You handed over Contoso").And.Contain(Megan.Name);
        (await RoleAsync(Lead)).Should().Be(TeamRole.Member);
        ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary")).Should().Contain("You don't lead a team");
    }

    [Fact]
    public async Task The_last_lead_cannot_remove_themselves_and_is_told_why()
    {
        await InstalledAsync(Lead);
        var card = await CardAsync(Lead, "remove lead");

        var refused = await _bed.ClickAsync(Lead, LeadPickerCard.RemoveVerb, Pick(card, Lead.MemberId));

        TextOf(refused).Should().Contain("A team always keeps at least one lead");
        (await RoleAsync(Lead)).Should().Be(TeamRole.Lead);
    }

    [Fact]
    public async Task A_member_cannot_add_or_remove_leads_by_command_or_by_a_card_they_were_never_sent()
    {
        await InstalledAsync(Lead);
        var leadsCard = await CardAsync(Lead, "add lead");

        ShownBy(await _bed.SayInChannelAsync(Megan, "add lead")).Should().Contain("Only a lead of this team can do that");
        var added = await _bed.ClickAsync(Megan, LeadPickerCard.AddVerb, Pick(leadsCard, Megan.MemberId));
        var removed = await _bed.ClickAsync(Megan, LeadPickerCard.RemoveVerb, Pick(leadsCard, Lead.MemberId));

        TextOf(added).Should().Contain("Only a lead can change the leads");
        TextOf(removed).Should().Contain("Only a lead can change the leads");
        (await RoleAsync(Megan)).Should().NotBe(TeamRole.Lead);
        (await RoleAsync(Lead)).Should().Be(TeamRole.Lead);
    }

    [Fact]
    public async Task A_person_who_is_not_on_the_roster_cannot_be_made_a_lead()
    {
        await InstalledAsync(Lead);
        var card = await CardAsync(Lead, "add lead");

        var refused = await _bed.ClickAsync(Lead, LeadPickerCard.AddVerb, Pick(card, "aad-stranger-0099"));

        TextOf(refused).Should().Contain("isn't on the team");
        (await Teams.GetMembershipAsync("aad-stranger-0099", _bed.TeamId, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_card_edited_to_name_another_team_changes_nothing_there()
    {
        const string OtherTeamId = "19:fabrikam-general@thread.tacv2";
        await InstalledAsync(Lead);
        await InstalledAsync(Adele, OtherTeamId);
        var card = await CardAsync(Lead, "add lead");
        var tampered = Pick(card, Megan.MemberId);
        tampered["teamId"] = OtherTeamId;

        var refused = await _bed.ClickAsync(Lead, LeadPickerCard.AddVerb, tampered);

        TextOf(refused).Should().Contain("Only a lead can change the leads");
        (await RoleAsync(Megan, OtherTeamId)).Should().NotBe(TeamRole.Lead);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"teamId":"19:contoso-general@thread.tacv2"}""")]
    [InlineData("""{"teamId":"19:contoso-general@thread.tacv2","memberId":42}""")]
    [InlineData("""{"teamId":"not a team id","memberId":"aad-megan-0002"}""")]
    [InlineData("""{"teamId":["19:contoso-general@thread.tacv2"],"memberId":"aad-megan-0002"}""")]
    public async Task A_malformed_pick_gets_a_clear_card_and_changes_nothing(string data)
    {
        await InstalledAsync(Lead);

        var refused = await _bed.ClickAsync(Lead, LeadPickerCard.AddVerb, JObject.Parse(data));

        TextOf(refused).Should().Contain("This card can't be used");
        (await RoleAsync(Megan)).Should().NotBe(TeamRole.Lead);
    }

    [Fact]
    public async Task A_lead_who_leaves_the_team_no_longer_reads_the_summary_observations_or_leads_only_incidents_nor_rotates_the_webhook()
    {
        await InstalledAsync(Lead);
        await AddLeadAsync(Lead, Megan);
        await _bed.Service<IObservationStore>().SaveAsync(
            new Observation(_bed.TeamId, ObservationIds.New(_bed.Clock.GetUtcNow(), Guid.NewGuid()), ObservationKind.GoSee, "A private note about stand-up.", ["care"], ObservationEffect.Helps, DateOnly.FromDateTime(_bed.Clock.GetUtcNow().UtcDateTime), _bed.Clock.GetUtcNow(), Megan.MemberId),
            CancellationToken.None);
        await _bed.Service<IIncidentStore>().AddAsync(
            IncidentRules.Declare(
                new IncidentDraft("A quiet leads-only matter", "Only the leads should read this.", IncidentSeverity.Minor, _bed.Clock.GetUtcNow().AddHours(-1), ["care"], IncidentVisibility.LeadsOnly),
                _bed.TeamId, IncidentSource.Lead, Lead.MemberId, Lead.Name, _bed.Clock.GetUtcNow(), Guid.NewGuid()),
            CancellationToken.None);
        ShownBy(await _bed.SayInPersonalChatAsync(Megan, "incidents")).Should().Contain("A quiet leads-only matter", "she leads while on the team");

        await _bed.MembersRemovedAsync(AccountOf(Megan));

        (await RoleAsync(Megan)).Should().BeNull();
        ShownBy(await _bed.SayInPersonalChatAsync(Megan, "summary")).Should().Contain("You don't lead a team").And.NotContain("Trust summary");
        ShownBy(await _bed.SayInPersonalChatAsync(Megan, "observations")).Should().Contain("You don't lead a team").And.NotContain("A private note");
        ShownBy(await _bed.SayInPersonalChatAsync(Megan, "incidents")).Should().NotContain("A quiet leads-only matter");
        var rotate = await _bed.ClickAsync(Megan, IncidentWebhookCard.RotateVerb, new JObject { ["teamId"] = _bed.TeamId });
        TextOf(rotate).Should().Contain("Only a lead of the team can rotate");
    }

    [Fact]
    public async Task When_the_last_lead_leaves_nobody_is_promoted_and_leads_says_how_to_get_one()
    {
        await InstalledAsync(Lead);

        await _bed.MembersRemovedAsync(AccountOf(Lead));

        (await _bed.Service<TeamDirectory>().LeadIdsAsync(_bed.TeamId, CancellationToken.None)).Should().BeEmpty();
        ShownBy(await _bed.SayInChannelAsync(Megan, "leads")).Should().Contain("Nobody leads this team").And.Contain("installs TrustBot here again");
        ShownBy(await _bed.SayInChannelAsync(Megan, "start pulse")).Should().Contain("Only a lead of this team can do that");
    }

    [Fact]
    public async Task Removing_the_bot_ends_every_role_and_reinstalling_makes_only_the_new_installer_a_lead()
    {
        await InstalledAsync(Lead);
        await AddLeadAsync(Lead, Megan);

        await _bed.UninstallAsync(Adele);
        (await RoleAsync(Lead)).Should().BeNull();
        (await RoleAsync(Megan)).Should().BeNull();

        await InstalledAsync(Adele);
        (await RoleAsync(Adele)).Should().Be(TeamRole.Lead);
        (await RoleAsync(Lead)).Should().NotBe(TeamRole.Lead);
        (await RoleAsync(Megan)).Should().NotBe(TeamRole.Lead);
        ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary")).Should().Contain("You don't lead a team");
    }

    [Fact]
    public async Task A_lead_of_two_teams_picks_the_team_in_the_personal_chat_and_can_act_on_each()
    {
        const string OtherTeamId = "19:fabrikam-general@thread.tacv2";
        await InstalledAsync(Lead);
        await InstalledAsync(Lead, OtherTeamId);

        var picker = await CardAsync(Lead, "summary");
        TextOf(picker).Should().Contain("Which team?").And.Contain("Contoso").And.Contain("Fabrikam");
        var buttons = picker.Descendants().OfType<JObject>().Where(o => (string?)o["verb"] == TeamPickerCard.Verb).ToList();
        buttons.Should().HaveCount(2);

        foreach (var (teamId, name) in new[] { (_bed.TeamId, "Contoso"), (OtherTeamId, "Fabrikam") })
        {
            var data = (JObject)buttons.Single(b => (string?)b["data"]!["teamId"] == teamId)["data"]!;
            var (replaced, sent) = await _bed.ClickWithRepliesAsync(Lead, TeamPickerCard.Verb, data);

            TextOf(replaced).Should().Contain(name);
            ShownBy(sent).Should().Contain("Trust summary").And.Contain(name);
        }
    }

    [Fact]
    public async Task The_team_picker_runs_add_lead_for_the_chosen_team_only()
    {
        const string OtherTeamId = "19:fabrikam-general@thread.tacv2";
        await InstalledAsync(Lead);
        await InstalledAsync(Lead, OtherTeamId);
        var picker = await CardAsync(Lead, "add lead");
        var data = (JObject)picker.Descendants().OfType<JObject>().Single(o => (string?)o["verb"] == TeamPickerCard.Verb && (string?)o["data"]!["teamId"] == OtherTeamId)["data"]!;

        var (_, sent) = await _bed.ClickWithRepliesAsync(Lead, TeamPickerCard.Verb, data);
        var addCard = sent.Select(CardOf).OfType<JObject>().Single();
        await _bed.ClickAsync(Lead, LeadPickerCard.AddVerb, Pick(addCard, Isaiah.MemberId));

        (await RoleAsync(Isaiah, OtherTeamId)).Should().Be(TeamRole.Lead);
        (await RoleAsync(Isaiah)).Should().NotBe(TeamRole.Lead);
    }

    [Fact]
    public async Task A_team_picker_button_edited_to_name_a_team_the_sender_does_not_lead_does_nothing_and_names_nothing()
    {
        const string OtherTeamId = "19:fabrikam-general@thread.tacv2";
        const string ThirdTeamId = "19:northwind-general@thread.tacv2";
        await InstalledAsync(Lead);
        await InstalledAsync(Lead, OtherTeamId);
        await InstalledAsync(Adele, ThirdTeamId);

        var (replaced, sent) = await _bed.ClickWithRepliesAsync(Lead, TeamPickerCard.Verb, new JObject { ["teamId"] = ThirdTeamId, ["command"] = "summary" });

        TextOf(replaced).Should().Contain("Nothing was done").And.NotContain("Fabrikam");
        sent.Should().BeEmpty();
    }

    [Fact]
    public async Task A_member_who_chose_a_team_for_a_leads_command_is_refused_there()
    {
        const string OtherTeamId = "19:fabrikam-general@thread.tacv2";
        await InstalledAsync(Lead);
        await InstalledAsync(Adele, OtherTeamId);
        await Teams.SaveMembershipAsync(new Membership(Lead.MemberId, OtherTeamId, TeamRole.Member, Lead.Name), CancellationToken.None);

        var (_, sent) = await _bed.ClickWithRepliesAsync(Lead, TeamPickerCard.Verb, new JObject { ["teamId"] = OtherTeamId, ["command"] = "summary" });

        ShownBy(sent).Should().Contain("You don't lead that team").And.NotContain("Trust summary");
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"teamId":"19:contoso-general@thread.tacv2"}""")]
    [InlineData("""{"teamId":"19:contoso-general@thread.tacv2","command":"dance"}""")]
    [InlineData("""{"teamId":"19:contoso-general@thread.tacv2","command":{"text":"summary"}}""")]
    [InlineData("""{"teamId":"","command":"summary"}""")]
    public async Task A_malformed_team_picker_button_gets_a_clear_card(string data)
    {
        await InstalledAsync(Lead);

        var (replaced, sent) = await _bed.ClickWithRepliesAsync(Lead, TeamPickerCard.Verb, JObject.Parse(data));

        TextOf(replaced).Should().Contain("This button doesn't work");
        sent.Should().BeEmpty();
    }
}
