using Newtonsoft.Json.Linq;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Definition;

[Collection(AzuriteCollection.Name)]
public sealed class DefinitionRefusalTests : IDisposable
{
    private const string OtherTeamId = "19:fabrikam-general@thread.tacv2";
    private readonly PulseTestbed _bed;
    private readonly DefinitionSteps _steps;

    public DefinitionRefusalTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        _steps = new DefinitionSteps(_bed);
    }

    public void Dispose() => _bed.Dispose();

    private async Task<int> ProposalCountAsync() => (await _steps.Votes.GetProposalsAsync(_bed.TeamId, CancellationToken.None)).Count;

    private async Task<IReadOnlyList<string>> MeganPicksAsync()
    {
        var vote = (await _steps.Votes.GetVoteAsync(_bed.TeamId, CancellationToken.None))!;
        return (await _steps.Votes.GetBallotAsync(_bed.TeamId, vote.Id, Megan.MemberId, CancellationToken.None))!.Picks;
    }

    private async Task<IReadOnlyList<Domain.Definition.TrustProposal>> VoteOpenOnThreeAsync()
    {
        await _steps.InstallWithMembersAsync();
        var proposals = await _steps.ProposeThreeAsync();
        await _bed.SayInChannelAsync(Lead, "open vote");
        return proposals;
    }

    [Theory]
    [InlineData("", "Please finish the sentence")]
    [InlineData("   ", "Please finish the sentence")]
    [InlineData("Be nice.", "8 characters long; please make it at least 10")]
    public async Task An_empty_or_too_short_proposal_is_refused_on_the_card_and_nothing_is_written(string text, string problem)
    {
        await _steps.InstallWithMembersAsync();

        var shown = await _steps.ProposeAsync(Megan, text);

        TextOf(shown).Should().Contain(problem);
        (await ProposalCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_oversized_proposal_is_refused_and_the_card_keeps_the_text()
    {
        await _steps.InstallWithMembersAsync();
        var text = new string('x', 281);

        var shown = await _steps.ProposeAsync(Megan, text);

        TextOf(shown).Should().Contain("281 characters long; please keep it to 280 or fewer").And.Contain(text);
        (await ProposalCountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("named", 5)]
    [InlineData("text", 12)]
    [InlineData("teamId", 12)]
    public async Task A_malformed_proposal_is_refused_and_nothing_is_written(string input, int value)
    {
        await _steps.InstallWithMembersAsync();
        var data = DefinitionSteps.Data(await _steps.ProposalCardAsync(Megan));
        data["text"] = "Nobody is blamed for an honest mistake.";
        data[input] = value;

        var shown = await _bed.ClickAsync(Megan, DefinitionSteps.ProposeVerb, data);

        TextOf(shown).Should().Contain("This card can't be used");
        (await ProposalCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_proposal_for_a_team_the_sender_does_not_belong_to_is_refused()
    {
        await _steps.InstallWithMembersAsync();
        var data = DefinitionSteps.Data(await _steps.ProposalCardAsync(Megan));
        data["teamId"] = OtherTeamId;
        data["text"] = "Nobody is blamed for an honest mistake.";

        var shown = await _bed.ClickAsync(Megan, DefinitionSteps.ProposeVerb, data);

        TextOf(shown).Should().Contain("a team I don't know you belong to");
        (await _steps.Votes.GetProposalsAsync(OtherTeamId, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_vote_needs_two_proposals()
    {
        await _steps.InstallWithMembersAsync();
        await _steps.ProposeAsync(Megan, "Nobody is blamed for an honest mistake.");

        var replies = await _bed.SayInChannelAsync(Lead, "open vote");

        ShownBy(replies).Should().Contain("A vote needs at least 2 proposals, and your team has 1 so far");
        (await _steps.Votes.GetVoteAsync(_bed.TeamId, CancellationToken.None)).Should().BeNull();
        _bed.CardsSentTo(Megan).Should().BeEmpty();
    }

    [Fact]
    public async Task A_second_vote_is_refused_while_one_is_open()
    {
        await VoteOpenOnThreeAsync();

        var replies = await _bed.SayInChannelAsync(Lead, "open vote");

        ShownBy(replies).Should().Contain("A vote is already open until");
        _bed.CardsSentTo(Megan).Should().ContainSingle();
    }

    [Theory]
    [InlineData("open vote")]
    [InlineData("finalize charter")]
    public async Task A_member_can_neither_open_a_vote_nor_finalise(string command)
    {
        await _steps.InstallWithMembersAsync();
        await _steps.ProposeThreeAsync();

        var replies = await _bed.SayInChannelAsync(Megan, command);

        DefinitionSteps.HasNoCard(replies).Should().BeTrue();
        ShownBy(replies).Should().Contain("Only a lead of this team can do that");
        (await _steps.Votes.GetVoteAsync(_bed.TeamId, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_member_who_saves_a_lead_s_finalise_card_is_refused_and_no_charter_is_written()
    {
        await _steps.InstallWithMembersAsync();
        await _steps.ProposeThreeAsync();
        var data = DefinitionSteps.Data(await _steps.FinalizeCardAsync());
        data["statements"] = "Nobody is blamed for an honest mistake.";

        var shown = await _bed.ClickAsync(Megan, DefinitionSteps.SaveVerb, data);

        TextOf(shown).Should().Contain("Only a lead can do that");
        (await _steps.Charters.GetCurrentAsync(_bed.TeamId, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_vote_on_a_closed_ballot_is_refused_and_the_ballot_stays_as_it_was()
    {
        var proposals = await VoteOpenOnThreeAsync();
        _bed.Clock.Advance(TimeSpan.FromDays(3));

        var shown = await _steps.VoteAsync(Megan, proposals[0].Id);

        TextOf(shown).Should().Contain("This vote has closed");
        (await MeganPicksAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task More_than_three_picks_are_refused_on_the_ballot()
    {
        var proposals = await VoteOpenOnThreeAsync();
        var ids = proposals.Select(p => p.Id).ToList();

        var shown = await _steps.VoteAsync(Megan, [.. ids, ids[0]]);

        TextOf(shown).Should().Contain("Please pick at most 3 statements (you picked 4)");
        (await MeganPicksAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_vote_for_a_proposal_of_another_team_is_refused()
    {
        var proposals = await VoteOpenOnThreeAsync();
        var foreign = Domain.Definition.TrustProposal.New(OtherTeamId, "Another team's statement.", null, _bed.Clock.GetUtcNow(), Guid.NewGuid());
        await _steps.Votes.AddProposalAsync(foreign, CancellationToken.None);

        var shown = await _steps.VoteAsync(Megan, proposals[0].Id, foreign.Id);

        TextOf(shown).Should().Contain("isn't on this ballot");
        (await MeganPicksAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_member_not_invited_to_the_vote_cannot_vote()
    {
        var proposals = await VoteOpenOnThreeAsync();
        var outsider = new Domain.Teams.RosterMember("aad-outsider-0009", "29:1outsider", "Nestor Wilke");
        var data = DefinitionSteps.Data(_steps.LatestBallot(Megan));

        var shown = await _steps.VoteWithAsync(outsider, data, proposals[0].Id);

        TextOf(shown).Should().Contain("isn't one I sent you");
        var vote = (await _steps.Votes.GetVoteAsync(_bed.TeamId, CancellationToken.None))!;
        (await _steps.Votes.GetBallotAsync(_bed.TeamId, vote.Id, outsider.MemberId, CancellationToken.None)).Should().BeNull();
    }

    [Theory]
    [InlineData("voteId", "not-a-vote-id", "This card can't be used")]
    [InlineData("voteId", "2516068763999999999-00000000", "isn't one I sent you")]
    [InlineData("teamId", OtherTeamId, "isn't one I sent you")]
    public async Task A_ballot_with_tampered_ids_is_refused(string field, string value, string message)
    {
        var proposals = await VoteOpenOnThreeAsync();
        var data = DefinitionSteps.Data(_steps.LatestBallot(Megan));
        data[field] = value;

        var shown = await _steps.VoteWithAsync(Megan, data, proposals[0].Id);

        TextOf(shown).Should().Contain(message);
        (await MeganPicksAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Malformed_picks_are_refused()
    {
        var proposals = await VoteOpenOnThreeAsync();

        var shown = await _steps.VoteWithAsync(Megan, DefinitionSteps.Data(_steps.LatestBallot(Megan)), new JArray(proposals[0].Id));

        TextOf(shown).Should().Contain("This card can't be used");
        (await MeganPicksAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "Please keep at least one statement")]
    [InlineData("Short.", "Statement 1 is 6 characters long")]
    public async Task A_charter_without_proper_statements_is_refused_on_the_card(string statements, string problem)
    {
        await _steps.InstallWithMembersAsync();
        await _steps.ProposeThreeAsync();
        var data = DefinitionSteps.Data(await _steps.FinalizeCardAsync());
        data["picks"] = null;
        data["statements"] = statements;

        var shown = await _bed.ClickAsync(Lead, DefinitionSteps.SaveVerb, data);

        TextOf(shown).Should().Contain(problem).And.Contain("Save the charter");
        (await _steps.Charters.GetCurrentAsync(_bed.TeamId, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_charter_picking_a_proposal_that_is_not_the_team_s_is_refused()
    {
        await _steps.InstallWithMembersAsync();
        await _steps.ProposeThreeAsync();
        var data = DefinitionSteps.Data(await _steps.FinalizeCardAsync());
        data["picks"] = "2516068763999999999-00000000";
        data["statements"] = null;

        var shown = await _bed.ClickAsync(Lead, DefinitionSteps.SaveVerb, data);

        TextOf(shown).Should().Contain("isn't your team's");
        (await _steps.Charters.GetCurrentAsync(_bed.TeamId, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task The_picked_proposals_become_the_charter_when_the_statements_are_left_empty()
    {
        var proposals = await VoteOpenOnThreeAsync();
        var data = DefinitionSteps.Data(await _steps.FinalizeCardAsync());
        data["picks"] = $"{proposals[1].Id},{proposals[0].Id}";
        data["statements"] = "  ";

        await _bed.ClickAsync(Lead, DefinitionSteps.SaveVerb, data);

        (await _steps.Charters.GetCurrentAsync(_bed.TeamId, CancellationToken.None))!.Statements
            .Should().Equal(proposals[1].Text, proposals[0].Text);
    }
}
