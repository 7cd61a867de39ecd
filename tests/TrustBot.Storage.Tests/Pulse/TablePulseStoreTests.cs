using Azure.Data.Tables;
using TrustBot.Domain.Pulse;
using TrustBot.Storage.Pulse;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;
using static TrustBot.Storage.Tests.Pulse.PulseFixtures;

namespace TrustBot.Storage.Tests.Pulse;

[Collection(AzuriteCollection.Name)]
public sealed class TablePulseStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly byte[] Secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly AnonymousKeys Keys = new(Secret);
    private static readonly AnswerSeal Seal = new(Secret);
    private TestStorage _storage = null!;
    private TablePulseStore _store = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotTeamAndPulseStores());
        _store = new TablePulseStore(_storage.Tables);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task A_started_run_round_trips_and_exactly_its_members_are_invited()
    {
        var run = OpenRun(TeamId, Monday);

        (await _store.TryStartRunAsync(run, [Alice, Bob], default)).Should().BeTrue();

        (await _store.GetRunAsync(TeamId, run.RunId, default)).Should().BeEquivalentTo(run);
        (await _store.GetInvitedAsync(TeamId, run.RunId, default)).Should().BeEquivalentTo([Alice, Bob]);
        (await _store.IsInvitedAsync(TeamId, run.RunId, Alice, default)).Should().BeTrue();
        (await _store.IsInvitedAsync(TeamId, run.RunId, Carol, default)).Should().BeFalse();
    }

    [Fact]
    public async Task Every_member_of_a_large_team_is_invited_once_across_batches()
    {
        var members = Enumerable.Range(0, 250).Select(i => $"29:1member{i:D3}/+==").ToList();
        var run = OpenRun(TeamId, Monday, invited: members.Count);

        (await _store.TryStartRunAsync(run, [.. members, members[0], members[199]], default)).Should().BeTrue();

        (await _store.GetInvitedAsync(TeamId, run.RunId, default)).Should().BeEquivalentTo(members);
    }

    [Fact]
    public async Task Starting_while_a_run_is_open_is_refused_and_writes_nothing()
    {
        var open = OpenRun(TeamId, Monday);
        await _store.TryStartRunAsync(open, [Alice], default);
        var second = OpenRun(TeamId, Monday.AddHours(1));

        (await _store.TryStartRunAsync(second, [Alice, Bob], default)).Should().BeFalse();

        (await _store.GetRunAsync(TeamId, second.RunId, default)).Should().BeNull();
        (await _store.GetInvitedAsync(TeamId, second.RunId, default)).Should().BeEmpty();
        (await _store.GetRecentRunsAsync(TeamId, 10, default)).Should().ContainSingle().Which.RunId.Should().Be(open.RunId);
    }

    [Fact]
    public async Task Two_concurrent_starts_for_one_team_let_exactly_one_through()
    {
        for (var round = 0; round < 5; round++)
        {
            var teamId = $"19:race{round}@thread.tacv2";
            var runs = new[] { OpenRun(teamId, Monday), OpenRun(teamId, Monday.AddSeconds(1)) };

            var started = await Task.WhenAll(runs.Select(run => Task.Run(() => _store.TryStartRunAsync(run, [Alice, Bob], default))));

            started.Should().ContainSingle(won => won, $"round {round}");
            var winner = runs[Array.IndexOf(started, true)];
            var loser = runs[Array.IndexOf(started, false)];
            (await _store.GetRecentRunsAsync(teamId, 10, default)).Should().ContainSingle().Which.RunId.Should().Be(winner.RunId);
            (await _store.GetInvitedAsync(teamId, loser.RunId, default)).Should().BeEmpty();
        }
    }

    [Fact]
    public async Task A_team_can_start_a_run_while_another_team_has_one_open()
    {
        (await _store.TryStartRunAsync(OpenRun(TeamId, Monday), [Alice], default)).Should().BeTrue();

        (await _store.TryStartRunAsync(OpenRun(OtherTeamId, Monday), [Alice], default)).Should().BeTrue();
    }

    [Fact]
    public async Task Closing_marks_the_run_closed_stores_the_rollup_and_frees_the_team()
    {
        var run = OpenRun(TeamId, Monday);
        await _store.TryStartRunAsync(run, [Alice], default);
        var rollup = Rollup(run);

        (await CloseAsync(run, rollup)).Should().BeEquivalentTo(rollup);

        (await _store.GetRunAsync(TeamId, run.RunId, default))!.State.Should().Be(PulseRunState.Closed);
        (await _store.GetRecentRollupsAsync(TeamId, 1, default)).Should().ContainSingle().Which.Should().BeEquivalentTo(rollup);
        (await Runs.GetAsync(TableKey.Encode(TeamId), "open")).Should().BeNull("the open-run claim goes with the run's close");
        (await _store.TryStartRunAsync(OpenRun(TeamId, Monday.AddDays(7)), [Alice], default)).Should().BeTrue();
    }

    [Fact]
    public async Task Closing_again_returns_the_stored_rollup_without_rolling_up_and_does_not_free_the_team_from_the_next_run()
    {
        var run = OpenRun(TeamId, Monday);
        await _store.TryStartRunAsync(run, [Alice], default);
        var rollup = await CloseAsync(run);
        var next = OpenRun(TeamId, Monday.AddDays(7));
        await _store.TryStartRunAsync(next, [Alice], default);

        var again = await _store.CloseRunAsync(Closed(run), (_, _) => throw new InvalidOperationException("rolled up twice"), default);

        again.Should().BeEquivalentTo(rollup);
        (await _store.GetRecentRollupsAsync(TeamId, 10, default)).Should().ContainSingle();
        (await _store.TryStartRunAsync(OpenRun(TeamId, Monday.AddDays(8)), [Alice], default)).Should().BeFalse();
    }

    [Fact]
    public async Task Closing_a_run_that_does_not_exist_fails_and_writes_nothing()
    {
        var run = OpenRun(TeamId, Monday);

        var close = () => CloseAsync(run);

        await close.Should().ThrowAsync<InvalidOperationException>().WithMessage("*has no run*");
        (await _store.GetRecentRollupsAsync(TeamId, 10, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_rollup_round_trips_with_its_statistics()
    {
        var run = OpenRun(TeamId, Monday);
        await _store.TryStartRunAsync(run, [Alice], default);
        var rollup = Rollup(run);

        await CloseAsync(run, rollup);

        var stored = (await _store.GetRecentRollupsAsync(TeamId, 1, default)).Single();
        stored.Should().BeEquivalentTo(rollup);
        stored.Items["safety.3r"].Mean.Should().Be(1.0 / 3, "doubles survive JSON exactly");
    }

    [Fact]
    public async Task Recent_runs_and_rollups_come_newest_first_and_no_more_than_asked()
    {
        var runs = new List<PulseRun>();
        foreach (var week in Enumerable.Range(0, 5))
        {
            var run = OpenRun(TeamId, Monday.AddDays(7 * week));
            await _store.TryStartRunAsync(run, [Alice], default);
            await CloseAsync(run);
            runs.Add(Closed(run));
        }

        var newest = runs.AsEnumerable().Reverse().ToList();
        (await _store.GetRecentRunsAsync(TeamId, 3, default)).Select(run => run.RunId).Should().Equal(newest.Take(3).Select(run => run.RunId));
        (await _store.GetRecentRollupsAsync(TeamId, 2, default)).Select(rollup => rollup.RunId).Should().Equal(newest.Take(2).Select(run => run.RunId));
        (await _store.GetRecentRunsAsync(TeamId, 50, default)).Should().HaveCount(5);
        (await _store.GetRecentRunsAsync(TeamId, 0, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_failed_invitation_step_withdraws_the_run_and_its_claim_and_reports_the_failure()
    {
        // The cheapest failure to provoke after the run is written: the invitations table is gone.
        // Cleaning up the invitations then fails too, which the error says; the run and claim are withdrawn.
        var run = OpenRun(TeamId, Monday);
        await _storage.Account.Table(TablePulseStore.InvitationsTable).DeleteAsync();

        var start = () => _store.TryStartRunAsync(run, [Alice, Bob], default);

        (await start.Should().ThrowAsync<InvalidOperationException>().WithMessage("*the run was withdrawn*"))
            .WithInnerException<Azure.RequestFailedException>();
        (await _store.GetRunAsync(TeamId, run.RunId, default)).Should().BeNull();
        (await Runs.GetAsync(TableKey.Encode(TeamId), "open")).Should().BeNull();
        await _storage.InitializeAsync();
        (await _store.TryStartRunAsync(OpenRun(TeamId, Monday.AddHours(1)), [Alice], default)).Should().BeTrue();
    }

    [Fact]
    public async Task An_answer_is_one_sealed_row_under_its_anonymous_key_and_opens_to_scores_picks_and_comment()
    {
        var run = await StartedRunAsync();
        var answer = Answer(4) with { Comment = "Plus de café ☕ — und Ehrlichkeit" };

        await SaveAsync(run, Alice, answer);

        (await OpenAsync(run, Alice)).Should().BeEquivalentTo(answer);
        (await _store.HasAnswerAsync(TeamId, run.RunId, Keys.AnswerKey(run.RunId, Alice), default)).Should().BeTrue();
        (await _store.HasAnswerAsync(TeamId, run.RunId, Keys.AnswerKey(run.RunId, Bob), default)).Should().BeFalse();
        (await _store.GetAnswerAsync(TeamId, run.RunId, Keys.AnswerKey(run.RunId, Bob), default)).Should().BeNull();
        (await _store.GetCommentsAsync(TeamId, run.RunId, default)).Should().BeEmpty("a comment stays sealed in its answer until the close");
        var row = (await AnswerRowsAsync()).Should().ContainSingle().Subject;
        row.Keys.Except(["odata.etag", "PartitionKey", "RowKey", "Timestamp"]).Should().Equal("Sealed");
        row.GetBinary("Sealed").Should().HaveCount(AnswerSeal.SealedLength);
    }

    [Fact]
    public async Task Changing_an_answer_replaces_it_and_never_duplicates_it()
    {
        var run = await StartedRunAsync();
        await SaveAsync(run, Alice, Answer(2) with { Comment = "first thoughts" });

        await SaveAsync(run, Alice, Answer(5) with { Comment = "second thoughts" });

        (await _store.GetAnswersAsync(TeamId, run.RunId, default)).Should().ContainSingle();
        (await OpenAsync(run, Alice)).Should().BeEquivalentTo(Answer(5) with { Comment = "second thoughts" });
        await CloseAsync(run);
        (await _store.GetCommentsAsync(TeamId, run.RunId, default)).Should().Equal("second thoughts");
    }

    [Fact]
    public async Task Answering_again_without_a_comment_leaves_no_comment_at_the_close()
    {
        var run = await StartedRunAsync();
        await SaveAsync(run, Alice, Answer(2) with { Comment = "take this back" });

        await SaveAsync(run, Alice, Answer(3));

        (await OpenAsync(run, Alice)).Should().BeEquivalentTo(Answer(3));
        await CloseAsync(run);
        (await _store.GetCommentsAsync(TeamId, run.RunId, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Answers_with_and_without_a_comment_are_rows_of_the_same_shape_and_size()
    {
        var run = await StartedRunAsync();

        await SaveAsync(run, Alice, Answer(3));
        await SaveAsync(run, Bob, Answer(1) with { Comment = new string('é', PulseSubmissionRules.MaxCommentLength) });

        var rows = await AnswerRowsAsync();
        rows.Should().HaveCount(2);
        rows.Select(row => string.Join(',', row.Keys.Order(StringComparer.Ordinal))).Distinct().Should().ContainSingle();
        rows.Select(row => row.RowKey.Length).Distinct().Should().ContainSingle();
        rows.Select(row => row.GetBinary("Sealed")!.Length).Should().AllBeEquivalentTo(AnswerSeal.SealedLength);
    }

    [Fact]
    public async Task A_sealed_answer_of_the_wrong_length_is_refused_before_anything_is_written()
    {
        var run = await StartedRunAsync();

        var save = () => _store.SaveAnswerAsync(TeamId, run.RunId, Keys.AnswerKey(run.RunId, Alice), new byte[AnswerSeal.SealedLength - 1], default);

        await save.Should().ThrowAsync<ArgumentException>().WithMessage("*sealed answer*");
        (await _store.GetAnswersAsync(TeamId, run.RunId, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Answers_and_comments_are_listed_per_run()
    {
        var first = await StartedRunAsync();
        await SaveAsync(first, Alice, Answer(1) with { Comment = "about the first run" });
        await CloseAsync(first);
        var second = await StartedRunAsync(Monday.AddDays(7));
        await SaveAsync(second, Alice, Answer(4) with { Comment = "a" });
        await SaveAsync(second, Bob, Answer(5) with { Comment = "b" });
        await SaveAsync(second, Carol, Answer(3));

        (await _store.GetAnswersAsync(TeamId, second.RunId, default)).Should().HaveCount(3);
        (await _store.GetAnswersAsync(TeamId, first.RunId, default)).Should().BeEmpty("the close removes a run's answers");
        (await _store.GetCommentsAsync(TeamId, first.RunId, default)).Should().Equal("about the first run");
        await CloseAsync(second);
        (await _store.GetCommentsAsync(TeamId, second.RunId, default)).Should().BeEquivalentTo(["a", "b"]);
    }

    [Fact]
    public async Task Closing_parts_the_comments_from_the_scores_and_removes_every_sealed_answer()
    {
        var run = await StartedRunAsync();
        await SaveAsync(run, Alice, Answer(4) with { Comment = "we ship on Fridays" });
        await SaveAsync(run, Bob, Answer(2));
        await SaveAsync(run, Carol, Answer(5) with { Comment = "more coffee" });
        IReadOnlyList<PulseAnswer> rolledUp = [];

        await _store.CloseRunAsync(Closed(run), (stored, sealedAnswers) =>
        {
            rolledUp = [.. sealedAnswers.Select(answer => Seal.Open(stored.TeamId, stored.RunId, answer.AnswerKey, answer.Sealed))];
            return new ClosedRunResults(Rollup(run), [.. rolledUp.Select(answer => answer.Comment).OfType<string>()]);
        }, default);

        rolledUp.Should().BeEquivalentTo([Answer(4) with { Comment = "we ship on Fridays" }, Answer(2), Answer(5) with { Comment = "more coffee" }]);
        var rows = await Responses.QueryPartitionAsync(TableKey.Encode(TeamId)).ToListAsync();
        rows.Select(row => row.RowKey).Should().BeEquivalentTo(
            [TableKey.Compose(run.RunId, "comment", "000000"), TableKey.Compose(run.RunId, "comment", "000001")],
            "only the comments are left, under their place in a shuffle");
        rows.Select(row => row.GetString("Text")).Should().BeEquivalentTo(["we ship on Fridays", "more coffee"]);
        (await _store.HasAnswerAsync(TeamId, run.RunId, Keys.AnswerKey(run.RunId, Alice), default)).Should().BeFalse();
    }

    [Fact]
    public async Task Comments_of_a_large_run_are_all_stored_once_under_places_that_follow_no_answer_order()
    {
        var run = await StartedRunAsync();
        var comments = Enumerable.Range(0, 250).Select(i => $"comment {i:D3}").ToList();

        await CloseAsync(run, comments: comments);

        var rows = await Responses.QueryPartitionAsync(TableKey.Encode(TeamId), PulseRowKeys.CommentPrefix(run.RunId)).ToListAsync();
        rows.Select(row => row.GetString("Text")).Should().BeEquivalentTo(comments);
        rows.Select(row => PulseRowKeys.LastPart(row.RowKey)).Should().Equal(Enumerable.Range(0, comments.Count).Select(place => place.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)));
        rows.Select(row => row.GetString("Text")).Should().NotEqual(comments, "places follow a shuffle, not the order answers came in");
    }

    [Fact]
    public async Task A_close_that_dies_before_rolling_up_finishes_when_run_again()
    {
        var run = await StartedRunAsync();
        await SaveAsync(run, Alice, Answer(4) with { Comment = "only once" });

        var dying = () => _store.CloseRunAsync(Closed(run), (_, _) => throw new TimeoutException("the instance died"), default);
        await dying.Should().ThrowAsync<TimeoutException>();

        (await _store.GetRunAsync(TeamId, run.RunId, default))!.State.Should().Be(PulseRunState.Closed, "answers are refused from the first step on");
        (await _store.GetAnswersAsync(TeamId, run.RunId, default)).Should().ContainSingle("nothing is lost before the comments are stored");
        (await _store.GetRecentRollupsAsync(TeamId, 1, default)).Should().BeEmpty();

        await CloseAsync(run);

        (await _store.GetCommentsAsync(TeamId, run.RunId, default)).Should().Equal("only once");
        (await _store.GetAnswersAsync(TeamId, run.RunId, default)).Should().BeEmpty();
        (await _store.GetRecentRollupsAsync(TeamId, 1, default)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_close_that_dies_after_writing_comments_neither_loses_nor_doubles_one_when_run_again()
    {
        var run = await StartedRunAsync();
        await SaveAsync(run, Alice, Answer(4) with { Comment = "first" });
        await SaveAsync(run, Bob, Answer(2) with { Comment = "second" });
        await SaveAsync(run, Carol, Answer(3));

        // The first attempt stores its comments (one more than there are, as if an answer changed
        // meanwhile) and then fails to store its roll-up: too large for a row.
        var dying = () => _store.CloseRunAsync(
            Closed(run),
            (stored, answers) => new ClosedRunResults(Unstorable(run), [.. CommentsOf(stored, answers), "third"]),
            default);
        await dying.Should().ThrowAsync<ArgumentException>();
        (await Responses.QueryPartitionAsync(TableKey.Encode(TeamId), PulseRowKeys.CommentPrefix(run.RunId)).CountAsync()).Should().Be(3);
        (await _store.GetAnswersAsync(TeamId, run.RunId, default)).Should().HaveCount(3, "answers are deleted only once the roll-up is stored");

        await CloseAsync(run);

        (await _store.GetCommentsAsync(TeamId, run.RunId, default)).Should().BeEquivalentTo(["first", "second"]);
        (await _store.GetAnswersAsync(TeamId, run.RunId, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_close_that_dies_before_deleting_the_answers_deletes_them_when_run_again_without_rolling_up_twice()
    {
        var run = await StartedRunAsync();
        await SaveAsync(run, Alice, Answer(4) with { Comment = "kept" });
        await CloseAsync(run);
        // What a close that died between storing the roll-up and deleting the answers leaves behind.
        await SaveAsync(run, Alice, Answer(4) with { Comment = "kept" });
        await SaveAsync(run, Bob, Answer(1));

        await _store.CloseRunAsync(Closed(run), (_, _) => throw new InvalidOperationException("rolled up twice"), default);

        (await _store.GetAnswersAsync(TeamId, run.RunId, default)).Should().BeEmpty();
        (await _store.GetCommentsAsync(TeamId, run.RunId, default)).Should().Equal("kept");
    }

    [Fact]
    public async Task Comments_come_back_in_no_fixed_order()
    {
        var run = await StartedRunAsync();
        var members = Enumerable.Range(0, 8).Select(i => $"29:1member{i}").ToList();
        foreach (var member in members)
        {
            await SaveAsync(run, member, Answer(3) with { Comment = $"comment of {member}" });
        }

        await CloseAsync(run);

        var orders = new HashSet<string>();
        for (var read = 0; read < 10; read++)
        {
            orders.Add(string.Join('\n', await _store.GetCommentsAsync(TeamId, run.RunId, default)));
        }

        // Ten reads of 8! orders all equal by chance: about 1 in 10^41.
        orders.Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public async Task An_answer_is_stored_while_the_runs_open_mark_is_there_and_refused_once_the_close_deleted_it()
    {
        var run = await StartedRunAsync();
        var key = Keys.AnswerKey(run.RunId, Alice);
        var mark = await Responses.GetAsync(TableKey.Encode(TeamId), PulseRowKeys.OpenMark(run.RunId));
        mark.Should().NotBeNull("a run is marked open before anyone is invited");
        mark!.Keys.Except(["odata.etag", "PartitionKey", "RowKey", "Timestamp"]).Should().BeEmpty("the mark holds nothing and names no one");

        (await _store.TrySaveAnswerWhileOpenAsync(TeamId, run.RunId, key, Seal.Seal(TeamId, run.RunId, key, Answer(4)), default)).Should().BeTrue();
        (await OpenAsync(run, Alice)).Should().BeEquivalentTo(Answer(4));
        await CloseAsync(run);
        var late = await _store.TrySaveAnswerWhileOpenAsync(TeamId, run.RunId, key, Seal.Seal(TeamId, run.RunId, key, Answer(1)), default);

        late.Should().BeFalse();
        (await _store.GetAnswersAsync(TeamId, run.RunId, default)).Should().BeEmpty("the late answer wrote nothing");
        (await Responses.GetAsync(TableKey.Encode(TeamId), PulseRowKeys.OpenMark(run.RunId))).Should().BeNull();
        (await _store.GetRecentRollupsAsync(TeamId, 1, default)).Single().RunId.Should().Be(run.RunId);
    }

    [Fact]
    public async Task No_property_or_key_of_a_stored_response_contains_the_member_id_before_or_after_the_close()
    {
        var run = await StartedRunAsync();
        await SaveAsync(run, Alice, Answer(4) with { Comment = "a comment" });
        var whileOpen = await AnswerRowsAsync();
        await CloseAsync(run);
        var afterClose = await Responses.QueryPartitionAsync(TableKey.Encode(TeamId)).ToListAsync();

        whileOpen.Should().ContainSingle();
        afterClose.Should().ContainSingle();
        foreach (var entity in whileOpen.Concat(afterClose))
        {
            var values = entity.Select(property => Convert.ToString(property.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").Append(entity.RowKey);
            values.Should().NotContain(value => value.Contains(Alice, StringComparison.Ordinal) || value.Contains(TableKey.Encode(Alice), StringComparison.Ordinal));
            entity.ContainsKey(TableRegistration.MemberKeyProperty).Should().BeFalse();
        }
    }

    [Fact]
    public async Task Another_teams_run_with_the_same_id_is_invisible()
    {
        var run = await StartedRunAsync();
        await SaveAsync(run, Alice, Answer(4) with { Comment = "mine" });

        (await _store.GetRunAsync(OtherTeamId, run.RunId, default)).Should().BeNull();
        (await _store.GetRecentRunsAsync(OtherTeamId, 10, default)).Should().BeEmpty();
        (await _store.IsInvitedAsync(OtherTeamId, run.RunId, Alice, default)).Should().BeFalse();
        (await _store.GetInvitedAsync(OtherTeamId, run.RunId, default)).Should().BeEmpty();
        (await _store.HasAnswerAsync(OtherTeamId, run.RunId, Keys.AnswerKey(run.RunId, Alice), default)).Should().BeFalse();
        (await _store.GetAnswerAsync(OtherTeamId, run.RunId, Keys.AnswerKey(run.RunId, Alice), default)).Should().BeNull();
        (await _store.GetAnswersAsync(OtherTeamId, run.RunId, default)).Should().BeEmpty();
        (await _store.GetCommentsAsync(OtherTeamId, run.RunId, default)).Should().BeEmpty();
        await CloseAsync(run);
        (await _store.GetRecentRollupsAsync(OtherTeamId, 10, default)).Should().BeEmpty();
        (await _store.GetCommentsAsync(OtherTeamId, run.RunId, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Deleting_a_team_removes_its_runs_rollups_claim_invitations_answers_and_comments_only()
    {
        var closed = await StartedRunAsync();
        await SaveAsync(closed, Alice, Answer(4) with { Comment = "old" });
        await CloseAsync(closed);
        var open = await StartedRunAsync(Monday.AddDays(7));
        await SaveAsync(open, Bob, Answer(2) with { Comment = "new" });
        var elsewhere = OpenRun(OtherTeamId, Monday);
        await _store.TryStartRunAsync(elsewhere, [Alice], default);

        await _storage.Deletion.DeleteTeamAsync(TeamId);

        var team = TableKey.Encode(TeamId);
        (await Runs.QueryPartitionAsync(team).CountAsync()).Should().Be(0);
        (await _storage.Table(TablePulseStore.InvitationsTable).QueryPartitionAsync(team).CountAsync()).Should().Be(0);
        (await Responses.QueryPartitionAsync(team).CountAsync()).Should().Be(0);
        (await _store.GetRunAsync(OtherTeamId, elsewhere.RunId, default)).Should().NotBeNull();
        (await _store.IsInvitedAsync(OtherTeamId, elsewhere.RunId, Alice, default)).Should().BeTrue();
    }

    [Fact]
    public async Task Forgetting_a_member_removes_their_invitations_but_cannot_touch_their_anonymous_answer()
    {
        var run = await StartedRunAsync();
        var elsewhere = OpenRun(OtherTeamId, Monday);
        await _store.TryStartRunAsync(elsewhere, [Alice, Bob], default);
        await SaveAsync(run, Alice, Answer(4) with { Comment = "anonymous" });

        var deleted = await _storage.Deletion.ForgetMemberAsync(Alice);

        deleted.Should().Be(2);
        (await _store.IsInvitedAsync(TeamId, run.RunId, Alice, default)).Should().BeFalse();
        (await _store.IsInvitedAsync(OtherTeamId, elsewhere.RunId, Alice, default)).Should().BeFalse();
        (await _store.GetInvitedAsync(TeamId, run.RunId, default)).Should().BeEquivalentTo([Bob, Carol]);
        (await _store.GetAnswersAsync(TeamId, run.RunId, default)).Should().ContainSingle("answers carry no member id, by design");
        (await _store.GetRunAsync(TeamId, run.RunId, default)).Should().NotBeNull();
    }

    private StorageTable Runs => _storage.Table(TablePulseStore.RunsTable);

    private StorageTable Responses => _storage.Table(TablePulseStore.ResponsesTable);

    private async Task<PulseRun> StartedRunAsync(DateTimeOffset? opensAt = null)
    {
        var run = OpenRun(TeamId, opensAt ?? Monday);
        (await _store.TryStartRunAsync(run, [Alice, Bob, Carol], default)).Should().BeTrue();
        return run;
    }

    // The rows of the team's answers (and, after a close, comments): all of PulseResponses but the open run's mark.
    private async Task<List<Azure.Data.Tables.TableEntity>> AnswerRowsAsync() =>
        await Responses.QueryPartitionAsync(TableKey.Encode(TeamId)).Where(row => !row.RowKey.EndsWith(TableKey.Separator + "open", StringComparison.Ordinal)).ToListAsync();

    private Task SaveAsync(PulseRun run, string memberId, PulseAnswer answer)
    {
        var key = Keys.AnswerKey(run.RunId, memberId);
        return _store.SaveAnswerAsync(run.TeamId, run.RunId, key, Seal.Seal(run.TeamId, run.RunId, key, answer), default);
    }

    private async Task<PulseAnswer?> OpenAsync(PulseRun run, string memberId)
    {
        var key = Keys.AnswerKey(run.RunId, memberId);
        return await _store.GetAnswerAsync(run.TeamId, run.RunId, key, default) is { } sealedAnswer ? Seal.Open(run.TeamId, run.RunId, key, sealedAnswer) : null;
    }

    private static IEnumerable<string> CommentsOf(PulseRun run, IReadOnlyList<SealedAnswer> answers) =>
        answers.Select(answer => Seal.Open(run.TeamId, run.RunId, answer.AnswerKey, answer.Sealed).Comment).OfType<string>();

    // Closes as the service does, with a fixed roll-up: the comments are the sealed answers' own unless given.
    private Task<PulseRollup> CloseAsync(PulseRun run, PulseRollup? rollup = null, IReadOnlyList<string>? comments = null) =>
        _store.CloseRunAsync(
            Closed(run),
            (stored, answers) => new ClosedRunResults(rollup ?? Rollup(run), comments ?? [.. CommentsOf(stored, answers)]),
            default);
}
