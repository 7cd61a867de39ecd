using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Moq;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Teams;
using TrustBot.Storage;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Pulse;

/// <summary>
/// What someone who reads the whole storage account learns from a pulse: every table (every
/// property, key, Timestamp and ETag) and every queue, dumped after a scripted pulse run by the real
/// bot: the lead starts it, three members answer (two with a comment), one changes her answer and
/// comment, the lead (who did not answer) is reminded, and the run closes on time.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StoredPulseAnonymityTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly string[] SealedOnly = ["Sealed"];
    private static readonly string[] TextOnly = ["Text"];

    private const string MegansFirstComment = "Standups run long: first thoughts";
    private const string MegansComment = "Standups run long, but we listen";
    private const string IsaiahsComment = "Reviews feel blameless lately";

    private static readonly RosterMember[] Everyone = [Lead, Megan, Adele, Isaiah];

    private readonly PulseTestbed _bed = new(azurite);

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task While_the_run_is_open_storage_holds_one_opaque_row_of_one_size_per_answer_and_no_comment()
    {
        await AnswerAsync(await StartAsync());

        var rows = await DumpTablesAsync();

        var mark = rows.Where(row => row.Table == "PulseResponses" && row.Entity.RowKey.EndsWith(TableKey.Separator + "open", StringComparison.Ordinal)).ToList();
        mark.Should().ContainSingle("the run's open mark, which an answer's write needs and the close deletes")
            .Which.PropertyNames.Should().BeEmpty("it holds nothing and names no one");
        var responses = rows.Where(row => row.Table == "PulseResponses").Except(mark).ToList();
        responses.Should().HaveCount(3, "one row per member who answered: no comment rows, no blank ones, and a change replaces");
        responses.Select(row => row.PropertyNames).Should().AllBeEquivalentTo(SealedOnly);
        responses.Select(row => row.Entity.GetBinary("Sealed")!.Length).Distinct().Should().ContainSingle("with or without a comment, every answer is the same size");
        foreach (var text in new[] { MegansFirstComment, MegansComment, IsaiahsComment, "\"score." })
        {
            rows.Should().NotContain(row => row.Text.Contains(text, StringComparison.Ordinal), $"no stored row shows \"{text}\" while the run is open");
        }

        AnswerRowsNameNobody(responses);
        (await DumpQueuesAsync()).Should().NotContain(message => message.Contains("Standups", StringComparison.Ordinal) || message.Contains("Reviews", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminder_ledger_rows_of_members_who_answered_and_who_did_not_are_indistinguishable()
    {
        await AnswerAsync(await StartAsync());

        await _bed.AdvanceAsync(TimeSpan.FromDays(2));

        _bed.CardsSentTo(Lead).Should().HaveCount(2, "the lead did not answer and is reminded");
        _bed.CardsSentTo(Megan).Should().ContainSingle("Megan answered and is not");
        _bed.Messenger.Verify(
            m => m.PaceToMemberAsync(It.IsAny<Team>(), It.Is<RosterMember>(member => member.MemberId == Megan.MemberId), It.IsAny<CancellationToken>()),
            Times.Once(),
            "her skipped reminder waits its turn in the rate limiter like one sent");
        var batches = (await DumpTablesAsync()).Where(row => row.Table == "Deliveries" && row.Entity.RowKey != "channel").GroupBy(row => row.Entity.PartitionKey).ToList();
        batches.Should().HaveCount(2, "the cards and the reminders");
        foreach (var batch in batches)
        {
            batch.Should().HaveCount(Everyone.Length);
            batch.Select(row => row.ValuesApartFromWho).Distinct().Should().ContainSingle("a done row is the same whether it was sent or skipped");
            batch.Should().AllSatisfy(row => row.Entity.Where(p => p.Key != "Timestamp").Should().NotContain(
                p => p.Value is DateTimeOffset || p.Key == "Holder",
                "no time or instance of its own that would time a send"));
        }
    }

    [Fact]
    public async Task After_the_close_no_answer_is_left_and_the_comments_cannot_be_paired_with_scores_or_people()
    {
        var run = await StartAsync();
        await AnswerAsync(run);
        await _bed.AdvanceAsync(TimeSpan.FromDays(2));
        var closeStarted = DateTimeOffset.UtcNow;

        await _bed.AdvanceAsync(TimeSpan.FromDays(1));

        (await _bed.Pulses.GetRecentRollupsAsync(_bed.TeamId, 1, CancellationToken.None)).Should().ContainSingle().Which.Responded.Should().Be(3);
        var rows = await DumpTablesAsync();
        rows.Should().NotContain(row => row.Entity.ContainsKey("Sealed") || row.Entity.ContainsKey("Scores") || row.Entity.RowKey.Contains("|answer|", StringComparison.Ordinal),
            "no stored answer survives the close");
        var comments = rows.Where(row => row.Table == "PulseResponses").ToList();
        comments.Select(row => row.Entity.GetString("Text")).Should().BeEquivalentTo([MegansComment, IsaiahsComment], "only non-empty comments, the changed one as changed");
        comments.Select(row => row.PropertyNames).Should().AllBeEquivalentTo(TextOnly);
        rows.Should().NotContain(row => row.Text.Contains(MegansFirstComment, StringComparison.Ordinal));
        comments.Should().AllSatisfy(row => row.Entity.Timestamp.Should().BeOnOrAfter(closeStarted, "comments are written at the close, not when their answer came in"));

        var scoreRows = rows.Where(row => row.Table == "PulseRuns").ToList();
        comments.Select(row => row.Entity.ETag).Should().NotIntersectWith(scoreRows.Select(row => row.Entity.ETag));
        var answerKeys = Everyone.Select(member => _bed.Keys.AnswerKey(run.RunId, member.MemberId)).ToList();
        comments.Should().NotContain(row => answerKeys.Any(key => row.Text.Contains(key, StringComparison.Ordinal)), "a comment's key comes from no answer");
        AnswerRowsNameNobody([.. comments, .. scoreRows]);
        rows.Where(row => Identifiers.Any(id => row.Text.Contains(id, StringComparison.Ordinal)))
            .Should().NotContain(row => row.Text.Contains("Standups", StringComparison.Ordinal) || row.Text.Contains("Reviews", StringComparison.Ordinal));
        (await DumpQueuesAsync()).Should().NotContain(message => message.Contains("Standups", StringComparison.Ordinal) || message.Contains("Reviews", StringComparison.Ordinal));
    }

    // Every form in which a person could appear in a row: AAD object id, Teams user id, 1:1 conversation id, and their key encodings.
    private static IEnumerable<string> Identifiers =>
        Everyone.SelectMany(member => new[] { member.MemberId, member.UserId, "a:1chat-" + member.MemberId })
            .SelectMany(id => new[] { id, TableKey.Encode(id) });

    private static void AnswerRowsNameNobody(IEnumerable<StoredRow> rows)
    {
        foreach (var row in rows)
        {
            Identifiers.Should().NotContain(id => row.Text.Contains(id, StringComparison.Ordinal), $"row {row.Table}({row.Entity.RowKey}) holds an answer or a comment");
        }
    }

    private async Task<PulseRun> StartAsync()
    {
        await _bed.InstallAsync(Lead);
        await _bed.SayInChannelAsync(Lead, "start pulse");
        return (await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 1, CancellationToken.None)).Single();
    }

    // Megan answers with a comment and then changes both; Adele answers without one; Isaiah with one; the lead does not answer.
    private async Task AnswerAsync(PulseRun run)
    {
        var meganCard = _bed.CardsSentTo(Megan).Single();
        await _bed.ClickAsync(Megan, "pulse.submit", Answer(meganCard, 2, comment: MegansFirstComment, hurt: "openness"));
        await _bed.ClickAsync(Adele, "pulse.submit", Answer(_bed.CardsSentTo(Adele).Single(), 4, helped: "care"));
        await _bed.ClickAsync(Isaiah, "pulse.submit", Answer(_bed.CardsSentTo(Isaiah).Single(), 5, comment: IsaiahsComment));
        var changing = await _bed.ClickAsync(Megan, "pulse.change", (Newtonsoft.Json.Linq.JObject)SubmitAction(meganCard)["data"]!);
        await _bed.ClickAsync(Megan, "pulse.submit", Answer(changing, 3, comment: MegansComment));
        (await _bed.Pulses.GetRunAsync(run.TeamId, run.RunId, CancellationToken.None))!.State.Should().Be(PulseRunState.Open);
    }

    // Every table of this deployment (the account is shared by the tests; its name prefix is this host's).
    private async Task<IReadOnlyList<StoredRow>> DumpTablesAsync()
    {
        var account = _bed.Service<StorageAccount>();
        var prefix = account.Table("PulseRuns").Name[..^"PulseRuns".Length];
        var rows = new List<StoredRow>();
        await foreach (var table in account.Tables.QueryAsync(item => item.Name.CompareTo(prefix) >= 0))
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var entity in account.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add(new StoredRow(table.Name[prefix.Length..], entity));
            }
        }

        rows.Select(row => row.Table).Should().Contain("PulseResponses").And.Contain("Deliveries").And.Contain("PulseInvitations");
        return rows;
    }

    private async Task<IReadOnlyList<string>> DumpQueuesAsync()
    {
        var account = _bed.Service<StorageAccount>();
        var prefix = account.Queue("x").Name[..^1];
        var messages = new List<string>();
        await foreach (var queue in account.Queues.GetQueuesAsync(prefix: prefix))
        {
            var peeked = await account.Queues.GetQueueClient(queue.Name).PeekMessagesAsync(32);
            messages.AddRange(peeked.Value.Select(message => message.Body.ToString()));
        }

        return messages;
    }

    /// <summary>A row as a storage reader sees it: table, keys, every property, Timestamp and ETag.</summary>
    private sealed record StoredRow(string Table, TableEntity Entity)
    {
        public IReadOnlyList<string> PropertyNames =>
            [.. Entity.Keys.Where(key => key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order(StringComparer.Ordinal)];

        /// <summary>Everything in the row as text (binary as UTF-8 and as base64), to search for what must not be there.</summary>
        public string Text => string.Join('\n', Entity.Select(property => property.Value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes) + "\n" + Convert.ToBase64String(bytes),
            BinaryData data => data.ToString(),
            var value => Convert.ToString(value, CultureInfo.InvariantCulture),
        }));

        /// <summary>The row's values apart from whose row it is (its key and member key) and the service's Timestamp and ETag.</summary>
        public string ValuesApartFromWho => string.Join('\n', Entity
            .Where(property => property.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" or TableRegistration.MemberKeyProperty))
            .OrderBy(property => property.Key, StringComparer.Ordinal)
            .Select(property => $"{property.Key}={Convert.ToString(property.Value, CultureInfo.InvariantCulture)}"));
    }
}
