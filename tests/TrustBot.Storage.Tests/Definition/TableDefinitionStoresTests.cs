using TrustBot.Domain.Definition;
using TrustBot.Storage.Definition;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Definition;

[Collection(AzuriteCollection.Name)]
public sealed class TableDefinitionStoresTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string TeamId = "19:abc/+x==@thread.tacv2";
    private const string OtherTeamId = "19:meeting_Zm9v@thread.v2";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 26, 53, 589, TimeSpan.Zero);
    private TestStorage _storage = null!;
    private TableTrustVoteStore _votes = null!;
    private TableTrustCharterStore _charters = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotDefinitionStores());
        _votes = new TableTrustVoteStore(_storage.Tables);
        _charters = new TableTrustCharterStore(_storage.Tables);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private static TrustVote VoteAt(DateTimeOffset opensAt) => TrustVote.Open(TeamId, ["p1", "p2"], opensAt, Guid.NewGuid());

    private static TrustCharter Charter(int version, string teamId = TeamId) =>
        new(teamId, version, [$"Version {version}: we say early when we are stuck.", "Nobody is blamed, même pas 🤝"], Now.AddDays(version), "Lynne Robbins");

    [Fact]
    public async Task Proposals_round_trip_oldest_first_anonymous_or_named_and_only_the_team_s()
    {
        var named = TrustProposal.New(TeamId, "We say early when we are stuck.", new ProposalAuthor("aad-megan", "Megan Bowen"), Now.AddMinutes(1), Guid.NewGuid());
        var anonymous = TrustProposal.New(TeamId, "Nobody is blamed, même pas 🤝", null, Now, Guid.NewGuid());
        await _votes.AddProposalAsync(named, default);
        await _votes.AddProposalAsync(anonymous, default);
        await _votes.AddProposalAsync(TrustProposal.New(OtherTeamId, "Another team's statement.", null, Now, Guid.NewGuid()), default);

        (await _votes.GetProposalsAsync(TeamId, default)).Should().Equal(anonymous, named);
    }

    [Fact]
    public async Task Opening_a_vote_invites_every_member_with_a_blank_ballot()
    {
        var vote = VoteAt(Now);

        (await _votes.TryOpenVoteAsync(vote, ["aad-megan", "29:1Ab/c+d"], Now, default)).Should().BeTrue();

        (await _votes.GetVoteAsync(TeamId, default)).Should().BeEquivalentTo(vote);
        (await _votes.GetBallotsAsync(TeamId, vote.Id, default)).Should().BeEquivalentTo(
            [TrustBallot.Invitation(vote, "aad-megan"), TrustBallot.Invitation(vote, "29:1Ab/c+d")]);
        (await _votes.GetBallotAsync(TeamId, vote.Id, "aad-adele", default)).Should().BeNull();
    }

    [Fact]
    public async Task A_vote_cannot_open_while_another_is_open_but_can_once_it_has_closed()
    {
        var first = VoteAt(Now);
        await _votes.TryOpenVoteAsync(first, ["aad-megan"], Now, default);

        (await _votes.TryOpenVoteAsync(VoteAt(Now.AddDays(1)), ["aad-megan"], Now.AddDays(1), default)).Should().BeFalse();
        (await _votes.GetVoteAsync(TeamId, default))!.Id.Should().Be(first.Id);

        await _votes.CloseVoteAsync(TeamId, first.Id, Now.AddDays(1), default);
        var second = VoteAt(Now.AddDays(2));
        (await _votes.TryOpenVoteAsync(second, ["aad-megan"], Now.AddDays(2), default)).Should().BeTrue();
        (await _votes.GetVoteAsync(TeamId, default))!.Id.Should().Be(second.Id);
    }

    [Fact]
    public async Task Closing_keeps_the_first_closing_time_and_ignores_a_vote_that_was_replaced()
    {
        var vote = VoteAt(Now);
        await _votes.TryOpenVoteAsync(vote, ["aad-megan"], Now, default);

        await _votes.CloseVoteAsync(TeamId, vote.Id, Now.AddHours(1), default);
        await _votes.CloseVoteAsync(TeamId, vote.Id, Now.AddHours(2), default);
        await _votes.CloseVoteAsync(TeamId, "some-older-vote", Now.AddHours(3), default);

        (await _votes.GetVoteAsync(TeamId, default))!.ClosedAt.Should().Be(Now.AddHours(1));
    }

    [Fact]
    public async Task A_changed_ballot_replaces_the_member_s_earlier_picks()
    {
        var vote = VoteAt(Now);
        await _votes.TryOpenVoteAsync(vote, ["aad-megan"], Now, default);
        var blank = TrustBallot.Invitation(vote, "aad-megan");

        await _votes.SaveBallotAsync(blank with { Picks = ["p1", "p2"], CastAt = Now.AddMinutes(1) }, default);
        await _votes.SaveBallotAsync(blank with { Picks = ["p2"], CastAt = Now.AddMinutes(2) }, default);

        (await _votes.GetBallotsAsync(TeamId, vote.Id, default)).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(blank with { Picks = ["p2"], CastAt = Now.AddMinutes(2) });
    }

    [Fact]
    public async Task Charters_come_back_newest_first_and_the_current_one_is_the_latest_version()
    {
        foreach (var version in new[] { 2, 1, 10 })
        {
            (await _charters.TryAddAsync(Charter(version), default)).Should().BeTrue();
        }

        await _charters.TryAddAsync(Charter(11, OtherTeamId), default);

        (await _charters.GetAllAsync(TeamId, default)).Select(c => c.Version).Should().Equal(10, 2, 1);
        (await _charters.GetCurrentAsync(TeamId, default)).Should().BeEquivalentTo(Charter(10));
        (await _charters.GetCurrentAsync("19:no-charter@thread.tacv2", default)).Should().BeNull();
    }

    [Fact]
    public async Task A_version_saved_twice_is_refused_unless_it_is_the_same_write_retried()
    {
        await _charters.TryAddAsync(Charter(1), default);

        (await _charters.TryAddAsync(Charter(1), default)).Should().BeTrue();
        (await _charters.TryAddAsync(Charter(1) with { Statements = ["Another lead's statement."] }, default)).Should().BeFalse();
        (await _charters.GetCurrentAsync(TeamId, default))!.Statements.Should().Equal(Charter(1).Statements);
    }

    [Fact]
    public async Task Forget_me_removes_the_member_s_ballots_and_named_proposals_but_not_anonymous_ones_or_the_charter()
    {
        var vote = VoteAt(Now);
        await _votes.TryOpenVoteAsync(vote, ["aad-megan", "aad-adele"], Now, default);
        await _votes.AddProposalAsync(TrustProposal.New(TeamId, "We say early when we are stuck.", new ProposalAuthor("aad-megan", "Megan Bowen"), Now, Guid.NewGuid()), default);
        var anonymous = TrustProposal.New(TeamId, "Nobody is blamed for honest mistakes.", null, Now.AddMinutes(1), Guid.NewGuid());
        await _votes.AddProposalAsync(anonymous, default);
        await _charters.TryAddAsync(Charter(1), default);

        await _storage.Deletion.ForgetMemberAsync("aad-megan", default);

        (await _votes.GetBallotsAsync(TeamId, vote.Id, default)).Select(b => b.MemberId).Should().Equal("aad-adele");
        (await _votes.GetProposalsAsync(TeamId, default)).Should().Equal(anonymous);
        (await _charters.GetCurrentAsync(TeamId, default)).Should().NotBeNull();
    }

    [Fact]
    public async Task Deleting_the_team_removes_its_proposals_vote_ballots_and_charters()
    {
        var vote = VoteAt(Now);
        await _votes.AddProposalAsync(TrustProposal.New(TeamId, "Nobody is blamed for honest mistakes.", null, Now, Guid.NewGuid()), default);
        await _votes.TryOpenVoteAsync(vote, ["aad-megan"], Now, default);
        await _charters.TryAddAsync(Charter(1), default);

        await _storage.Deletion.DeleteTeamAsync(TeamId, default);

        (await _votes.GetProposalsAsync(TeamId, default)).Should().BeEmpty();
        (await _votes.GetVoteAsync(TeamId, default)).Should().BeNull();
        (await _votes.GetBallotsAsync(TeamId, vote.Id, default)).Should().BeEmpty();
        (await _charters.GetAllAsync(TeamId, default)).Should().BeEmpty();
    }
}
