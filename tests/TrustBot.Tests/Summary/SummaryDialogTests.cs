using Microsoft.Bot.Builder;
using Moq;
using TrustBot.Cards;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Summary;

[Collection(AzuriteCollection.Name)]
public sealed class SummaryDialogTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PulseTestbed _bed = new(azurite);

    public void Dispose() => _bed.Dispose();

    private async Task ClosedPulseAsync(params (RosterMember Member, int Point)[] answers)
    {
        await _bed.SayInChannelAsync(Lead, "start pulse");
        foreach (var (member, point) in answers)
        {
            await _bed.ClickAsync(member, "pulse.submit", Answer(_bed.CardsSentTo(member)[^1], point, comment: $"note from someone who chose {point}"));
        }

        await _bed.SayInChannelAsync(Lead, "close pulse");
    }

    [Fact]
    public async Task A_lead_sees_the_index_participation_factors_and_next_step_in_the_personal_chat()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));

        var shown = ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary"));

        shown.Should().Contain("Trust summary: Contoso").And.Contain("75").And.Contain("trust index, out of 100");
        shown.Should().Contain("3 of 4 answered (75%)");
        shown.Should().Contain("Reliability").And.Contain("Psychological safety");
        shown.Should().Contain("What to do next");
        shown.Should().Contain("Action items").And.Contain("none open: type add action to add one");
    }

    [Fact]
    public async Task With_fewer_answers_than_the_threshold_the_summary_says_how_many_are_missing()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Megan, 2), (Adele, 5));

        var shown = ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary"));

        shown.Should().Contain("Not enough answers yet (2 of 3)").And.NotContain("trust index");
    }

    [Fact]
    public async Task Comments_are_shown_only_when_enough_people_answered_for_comments()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 3));

        var shown = ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary"));

        shown.Should().NotContain("note from someone", "three answers are enough for numbers but comments need five");
    }

    [Fact]
    public async Task A_member_asking_gets_a_polite_explanation_and_no_numbers()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));

        var shown = ShownBy(await _bed.SayInChannelAsync(Megan, "summary"));

        shown.Should().Contain("The trust summary is for the team's leads").And.NotContain("trust index");
    }

    [Fact]
    public async Task In_the_channel_a_lead_gets_the_teams_version_without_the_post_button()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));

        var replies = await _bed.SayInChannelAsync(Lead, "summary");

        ShownBy(replies).Should().Contain("trust index");
        CardOf(replies.Single())!["actions"].Should().BeNull();
    }

    [Fact]
    public async Task Posting_the_summary_sends_the_teams_version_to_the_channel_and_confirms()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));
        var card = CardOf((await _bed.SayInPersonalChatAsync(Lead, "summary")).Single())!;

        var shown = await _bed.ClickAsync(Lead, "summary.post", (Newtonsoft.Json.Linq.JObject)SubmitAction(card)["data"]!);

        TextOf(shown).Should().Contain("Posted to the team's channel");
        _bed.Messenger.Verify(m => m.PostToTeamAsync(It.Is<Team>(t => t.Id == _bed.TeamId), It.IsAny<CardMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_member_cannot_post_the_summary_with_a_copied_card()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));
        var card = CardOf((await _bed.SayInPersonalChatAsync(Lead, "summary")).Single())!;

        var shown = await _bed.ClickAsync(Megan, "summary.post", (Newtonsoft.Json.Linq.JObject)SubmitAction(card)["data"]!);

        TextOf(shown).Should().Contain("Nothing was posted");
        _bed.Messenger.Verify(m => m.PostToTeamAsync(It.IsAny<Team>(), It.IsAny<CardMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Factors_shows_every_factor_with_its_score_and_spread()
    {
        await _bed.InstallAsync(Lead);
        await ClosedPulseAsync((Lead, 5), (Megan, 4), (Adele, 3));

        var shown = ShownBy(await _bed.SayInPersonalChatAsync(Lead, "factors"));

        shown.Should().Contain("Trust factors: Contoso").And.Contain("Openness").And.Contain("Spread (1 to 5)").And.Contain("of 5, from 3 people");
    }
}
