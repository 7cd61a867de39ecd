using Newtonsoft.Json.Linq;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Pulse;

/// <summary>Every bad submit gets a clear card and writes nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PulseSubmitRefusalTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PulseTestbed _bed = new(azurite);

    public void Dispose() => _bed.Dispose();

    private async Task<(PulseRun Run, JObject Card)> OpenPulseAsync()
    {
        await _bed.InstallAsync(Lead);
        await _bed.SayInChannelAsync(Lead, "start pulse");
        var run = (await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 1, CancellationToken.None)).Single();
        return (run, _bed.CardsSentTo(Megan).Single());
    }

    private async Task NothingStoredAsync(PulseRun run) =>
        (await _bed.Pulses.GetAnswersAsync(run.TeamId, run.RunId, CancellationToken.None)).Should().BeEmpty();

    [Fact]
    public async Task A_missing_answer_shows_the_card_again_with_the_problem()
    {
        var (run, card) = await OpenPulseAsync();
        var data = Answer(card, 4);
        data.Remove(ScoreInputs(card)[0]);

        var shown = await _bed.ClickAsync(Megan, "pulse.submit", data);

        ScoreInputs(shown).Should().NotBeEmpty("the member can fix the answer and submit again");
        TextOf(shown).Should().Contain("Please answer every question: one is still unanswered.");
        await NothingStoredAsync(run);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("-1")]
    [InlineData("four")]
    [InlineData("4.5")]
    public async Task An_answer_off_the_1_to_5_scale_is_refused(string value)
    {
        var (run, card) = await OpenPulseAsync();
        var data = Answer(card, 4);
        data[ScoreInputs(card)[0]] = value;

        var shown = await _bed.ClickAsync(Megan, "pulse.submit", data);

        TextOf(shown).Should().Contain("from 1").And.Contain("to 5");
        await NothingStoredAsync(run);
    }

    [Fact]
    public async Task An_answer_to_an_item_not_in_the_run_is_refused()
    {
        var (run, card) = await OpenPulseAsync();
        var data = Answer(card, 4);
        data["score.not-an-item"] = "3";

        var shown = await _bed.ClickAsync(Megan, "pulse.submit", data);

        TextOf(shown).Should().Contain("question that is not in this pulse");
        await NothingStoredAsync(run);
    }

    [Fact]
    public async Task A_comment_over_500_characters_is_refused_and_says_how_long_it_was()
    {
        var (run, card) = await OpenPulseAsync();

        var shown = await _bed.ClickAsync(Megan, "pulse.submit", Answer(card, 4, comment: new string('x', 501)));

        TextOf(shown).Should().Contain("500").And.Contain("501");
        await NothingStoredAsync(run);
    }

    [Fact]
    public async Task More_than_three_helped_picks_are_refused()
    {
        var (run, card) = await OpenPulseAsync();

        var shown = await _bed.ClickAsync(Megan, "pulse.submit", Answer(card, 4, helped: "care,openness,integrity,reliability"));

        TextOf(shown).Should().Contain("3");
        await NothingStoredAsync(run);
    }

    [Fact]
    public async Task A_submit_after_the_pulse_closed_is_refused()
    {
        var (run, card) = await OpenPulseAsync();
        await _bed.SayInChannelAsync(Lead, "close pulse");

        var shown = await _bed.ClickAsync(Megan, "pulse.submit", Answer(card, 4));

        TextOf(shown).Should().Contain("This pulse has closed");
        await NothingStoredAsync(run);
    }

    [Fact]
    public async Task A_submit_after_the_closing_time_is_refused_even_before_anyone_closes_it()
    {
        var (run, card) = await OpenPulseAsync();
        _bed.Clock.Advance(TimeSpan.FromDays(4));

        var shown = await _bed.ClickAsync(Megan, "pulse.submit", Answer(card, 4));

        TextOf(shown).Should().Contain("This pulse has closed");
        await NothingStoredAsync(run);
    }

    [Fact]
    public async Task A_member_who_was_not_invited_cannot_answer()
    {
        var (run, card) = await OpenPulseAsync();
        var outsider = new RosterMember("aad-outsider-0099", "29:1outsider", "Someone Else");

        var shown = await _bed.ClickAsync(outsider, "pulse.submit", Answer(card, 4));

        TextOf(shown).Should().Contain("Nothing was recorded");
        await NothingStoredAsync(run);
    }

    [Fact]
    public async Task A_card_edited_to_name_another_teams_run_records_nothing()
    {
        var (run, card) = await OpenPulseAsync();
        using var otherTeam = new PulseTestbed(azurite, "19:fabrikam-general@thread.tacv2");
        var data = Answer(card, 4);
        data["teamId"] = otherTeam.TeamId;

        var shown = await _bed.ClickAsync(Megan, "pulse.submit", data);

        TextOf(shown).Should().Contain("Nothing was recorded");
        await NothingStoredAsync(run);
    }

    [Theory]
    [InlineData("not-a-run-id")]
    [InlineData("")]
    [InlineData("../../etc")]
    public async Task A_tampered_run_id_is_refused_before_any_lookup(string runId)
    {
        var (run, card) = await OpenPulseAsync();
        var data = Answer(card, 4);
        data["runId"] = runId;

        var shown = await _bed.ClickAsync(Megan, "pulse.submit", data);

        TextOf(shown).Should().Contain("This card can't be used");
        await NothingStoredAsync(run);
    }

    [Fact]
    public async Task Card_data_of_the_wrong_shape_is_refused()
    {
        var (run, card) = await OpenPulseAsync();
        var data = Answer(card, 4);
        data["comment"] = new JObject { ["nested"] = "object" };

        var shown = await _bed.ClickAsync(Megan, "pulse.submit", data);

        TextOf(shown).Should().Contain("could not be read");
        await NothingStoredAsync(run);
    }
}
