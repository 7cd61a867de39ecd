using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Moq;
using Newtonsoft.Json.Linq;
using TrustBot.Cards;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Definition;

[Collection(AzuriteCollection.Name)]
public sealed class CharterJourneyTests : IDisposable
{
    private readonly PulseTestbed _bed;
    private readonly DefinitionSteps _steps;

    public CharterJourneyTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        _steps = new DefinitionSteps(_bed);
    }

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Members_propose_vote_and_change_their_vote_then_the_lead_finalises_a_charter_everyone_can_read()
    {
        await _steps.InstallWithMembersAsync();
        var proposals = await _steps.ProposeThreeAsync();
        proposals.Should().HaveCount(3);

        var opened = await _bed.SayInChannelAsync(Lead, "open vote");
        ShownBy(opened).Should().Contain("Vote opening").And.Contain("a ballot with the 3 proposals to the team's members");
        foreach (var member in _bed.Roster)
        {
            var ballot = _bed.CardsSentTo(member).Should().ContainSingle().Subject;
            TextOf(ballot).Should().Contain("Nobody is blamed for an honest mistake.").And.Contain("Pick up to 3");
        }

        var (early, blame, promise) = (proposals[0].Id, proposals[1].Id, proposals[2].Id);
        await _steps.VoteAsync(Megan, early, blame);
        var changed = await _steps.VoteAsync(Megan, promise);
        TextOf(changed).Should().Contain("Your vote is saved");
        await _steps.VoteAsync(Adele, promise, early);
        await _steps.VoteAsync(Isaiah, promise);

        var finalize = await _steps.FinalizeCardAsync();
        TextOf(finalize).Should().Contain("We do what we said we would, or say why not. (3 votes)")
            .And.Contain("We say early when something is going wrong. (1 vote)")
            .And.Contain("Nobody is blamed for an honest mistake. (0 votes)");
        ((string?)DefinitionSteps.InputOf(finalize, "picks")["value"]).Should().Be($"{promise},{early}");
        ((string?)DefinitionSteps.InputOf(finalize, "statements")["value"]).Should().Be(
            "We do what we said we would, or say why not.\nWe say early when something is going wrong.");
        TextOf(await _steps.VoteAsync(Isaiah, early)).Should().Contain("This vote has closed");

        var saved = await _steps.FinalizeAsync("We do what we said we would, or say why not.\nWe say early, and loudly, when something is going wrong.");

        TextOf(saved).Should().Contain("Version 1 of the charter is saved").And.Contain("Post to the team's channel");
        var shown = CardOf((await _bed.SayInPersonalChatAsync(Megan, "charter")).Single())!;
        TextOf(shown).Should().Contain("Our trust charter: Contoso")
            .And.Contain("• We say early, and loudly, when something is going wrong.")
            .And.Contain("Version 1").And.Contain("Lynne Robbins")
            .And.NotContain("Post to the team's channel");
    }

    [Fact]
    public async Task Only_counts_are_stored_per_member_and_a_changed_vote_replaces_the_first()
    {
        await _steps.InstallWithMembersAsync();
        var proposals = await _steps.ProposeThreeAsync();
        await _bed.SayInChannelAsync(Lead, "open vote");

        await _steps.VoteAsync(Megan, proposals[0].Id, proposals[1].Id);
        await _steps.VoteAsync(Megan, proposals[2].Id);

        var vote = (await _steps.Votes.GetVoteAsync(_bed.TeamId, CancellationToken.None))!;
        var ballots = await _steps.Votes.GetBallotsAsync(_bed.TeamId, vote.Id, CancellationToken.None);
        ballots.Should().HaveCount(4);
        ballots.Single(b => b.MemberId == Megan.MemberId).Picks.Should().Equal(proposals[2].Id);
        ballots.Where(b => b.MemberId != Megan.MemberId).Should().OnlyContain(b => b.Picks.Count == 0);
    }

    [Fact]
    public async Task A_second_finalisation_makes_version_two_and_the_history_lists_both_newest_first()
    {
        await _steps.InstallWithMembersAsync();
        await _steps.ProposeThreeAsync();
        await _steps.FinalizeAsync("We say early when something is going wrong.");
        _bed.Clock.Advance(TimeSpan.FromDays(30));

        await _steps.FinalizeAsync("Nobody is blamed for an honest mistake.\nWe do what we said we would, or say why not.");

        var history = CardOf((await _bed.SayInPersonalChatAsync(Adele, "charter history")).Single())!;
        var text = TextOf(history);
        text.Should().Contain("2 versions, newest first");
        text.IndexOf("Version 2", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("Version 1", StringComparison.Ordinal));
        var current = (await _steps.Charters.GetCurrentAsync(_bed.TeamId, CancellationToken.None))!;
        current.Should().BeEquivalentTo(new { Version = 2, FinalizedAt = _bed.Clock.GetUtcNow(), FinalizedBy = Lead.Name });
        current.Statements.Should().Equal("Nobody is blamed for an honest mistake.", "We do what we said we would, or say why not.");
    }

    [Fact]
    public async Task A_lead_posts_the_charter_to_the_team_s_channel()
    {
        await _steps.InstallWithMembersAsync();
        await _steps.ProposeThreeAsync();
        await _steps.FinalizeAsync("We say early when something is going wrong.");
        var charter = CardOf((await _bed.SayInPersonalChatAsync(Lead, "charter")).Single())!;

        var shown = await _bed.ClickAsync(Lead, DefinitionSteps.PostVerb, DefinitionSteps.Data(charter));

        TextOf(shown).Should().Contain("Posted to the team's channel.");
        _bed.Messenger.Verify(m => m.PostToTeamAsync(It.Is<Team>(t => t.Id == _bed.TeamId), It.IsAny<CardMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Proposals_are_anonymous_unless_the_author_shows_their_name()
    {
        await _steps.InstallWithMembersAsync();

        var thanks = await _steps.ProposeAsync(Megan, "Nobody is blamed for an honest mistake.");
        await _steps.ProposeAsync(Adele, "We do what we said we would, or say why not.", named: true);

        TextOf(thanks).Should().Contain("anonymous");
        var stored = await _steps.Votes.GetProposalsAsync(_bed.TeamId, CancellationToken.None);
        stored[0].Author.Should().BeNull();
        stored[1].Author.Should().Be(new Domain.Definition.ProposalAuthor(Adele.MemberId, Adele.Name!));
    }

    [Fact]
    public async Task A_team_without_a_charter_is_told_how_to_write_one()
    {
        await _steps.InstallWithMembersAsync();

        var replies = await _bed.SayInPersonalChatAsync(Megan, "charter");

        ShownBy(replies).Should().Contain("No trust charter yet").And.Contain("define trust");
    }

    [Fact]
    public async Task The_proposal_card_asks_to_finish_the_sentence_within_280_characters_anonymously_by_default()
    {
        await _steps.InstallWithMembersAsync();

        var card = await _steps.ProposalCardAsync(Megan);

        TextOf(card).Should().Contain("On our team, trust means …");
        ((int?)DefinitionSteps.InputOf(card, "text")["maxLength"]).Should().Be(280);
        ((string?)DefinitionSteps.InputOf(card, "named")["value"]).Should().Be("false");
        ((JObject)SubmitAction(card)["data"]!).Properties().Select(p => p.Name).Should().Equal("teamId");
    }
}
