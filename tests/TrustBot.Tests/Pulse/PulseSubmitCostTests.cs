using Azure;
using TrustBot.Domain.Pulse;
using TrustBot.Pulse;
using TrustBot.Storage;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Pulse;

/// <summary>
/// Issue 15: a pulse submit makes two storage requests, one after the other (the invitation read,
/// then the answer written in one transaction with the run's open mark), and what it keeps in
/// memory never lets an answer in after the run closed, on any instance.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PulseSubmitCostTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PulseTestbed _bed = new(azurite);

    public void Dispose() => _bed.Dispose();

    private async Task<PulseRun> StartedAsync()
    {
        await _bed.InstallAsync(Lead);
        await _bed.SayInChannelAsync(Lead, "start pulse");
        return (await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 1, CancellationToken.None)).Single();
    }

    [Fact]
    public async Task An_answer_costs_one_read_and_then_one_write()
    {
        await StartedAsync();
        // The instance's first submit to the run also reads the run and the last roll-up.
        await _bed.ClickAsync(Megan, "pulse.submit", Answer(_bed.CardsSentTo(Megan)[^1], 4));

        _bed.RunsTurnIntents = false; // counts the turn's own requests, not the harness's look for intents after it
        using var storage = StorageRequestLog.ForTables(azurite.ConnectionString);
        var thanks = await _bed.ClickAsync(Adele, "pulse.submit", Answer(_bed.CardsSentTo(Adele)[^1], 3, comment: "fine"));

        TextOf(thanks).Should().Contain("Thanks, your answer is recorded");
        storage.Count.Should().Be(2, "the invitation is read and the answer written: {0}", string.Join("; ", storage.Requests));
        storage.Waves.Should().Be(2);
    }

    [Fact]
    public async Task A_changed_answer_costs_the_same_and_replaces_the_first()
    {
        var run = await StartedAsync();
        var card = _bed.CardsSentTo(Megan)[^1];
        await _bed.ClickAsync(Megan, "pulse.submit", Answer(card, 4));

        _bed.RunsTurnIntents = false; // counts the turn's own requests, not the harness's look for intents after it
        using var storage = StorageRequestLog.ForTables(azurite.ConnectionString);
        await _bed.ClickAsync(Megan, "pulse.submit", Answer(card, 2));

        storage.Count.Should().Be(2, string.Join("; ", storage.Requests));
        (await _bed.OpenAnswersAsync(run)).Should().ContainSingle().Which.Scores.Values.Should().AllBeEquivalentTo(2);
    }

    [Fact]
    public async Task An_answer_sent_to_another_instance_after_the_close_is_refused_and_nothing_is_stored()
    {
        var run = await StartedAsync();
        using var other = new PulseTestbed(azurite, prefix: _bed.Prefix);
        var card = _bed.CardsSentTo(Megan)[^1];
        // The other instance now holds the run in memory, as open.
        TextOf(await other.ClickAsync(Megan, "pulse.submit", Answer(card, 4))).Should().Contain("recorded");

        await _bed.SayInChannelAsync(Lead, "close pulse");
        var late = await other.ClickAsync(Megan, "pulse.submit", Answer(card, 1));

        TextOf(late).Should().Contain("This pulse has closed");
        (await _bed.Pulses.GetAnswersAsync(_bed.TeamId, run.RunId, CancellationToken.None)).Should().BeEmpty("the late answer left no row behind");
        var rollup = (await _bed.Pulses.GetRecentRollupsAsync(_bed.TeamId, 1, CancellationToken.None)).Single();
        rollup.Responded.Should().Be(1, "the answer given while the run was open counts, once");
    }

    [Fact]
    public async Task An_answer_for_another_teams_run_is_refused_without_writing()
    {
        var run = await StartedAsync();
        var card = Answer(_bed.CardsSentTo(Megan)[^1], 4);
        card["teamId"] = "19:someone-else@thread.tacv2";

        using var storage = StorageRequestLog.ForTables(azurite.ConnectionString);
        TextOf(await _bed.ClickAsync(Megan, "pulse.submit", card)).Should().Contain("Nothing was recorded");

        storage.Requests.Should().OnlyContain(request => request.Method == "GET", "a refused card writes nothing");
        (await _bed.Pulses.GetAnswersAsync(_bed.TeamId, run.RunId, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_run_opened_before_open_marks_existed_still_takes_answers()
    {
        var run = await StartedAsync();
        // Such a run has no mark: what storage held for a run opened by the previous version.
        await _bed.Service<StorageTables>().Get("PulseResponses").DeleteAsync(
            TableKey.Encode(run.TeamId), TableKey.Compose(run.RunId, "open"), ETag.All);

        TextOf(await _bed.ClickAsync(Megan, "pulse.submit", Answer(_bed.CardsSentTo(Megan)[^1], 4))).Should().Contain("recorded");

        (await _bed.OpenAnswersAsync(run)).Should().ContainSingle();
    }

    [Fact]
    public async Task Runs_kept_in_memory_are_bounded()
    {
        using var cache = new PulseRunCache();
        var now = _bed.Clock.GetUtcNow();

        for (var team = 0; team < PulseRunCache.DefaultCapacity + 100; team++)
        {
            var run = new PulseRun($"team-{team}", PulseRunIds.New(now, Guid.NewGuid()), ["overall"], now, now.AddDays(3), PulseRunState.Open, 3, 4);
            await cache.GetOrLoadAsync((run.TeamId, run.RunId), _ => Task.FromResult<KnownRun?>(new KnownRun(run, null)), CancellationToken.None);
        }

        cache.Count.Should().BeLessThanOrEqualTo(PulseRunCache.DefaultCapacity);
    }
}
