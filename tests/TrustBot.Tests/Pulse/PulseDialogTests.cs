using Newtonsoft.Json.Linq;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Pulse;

[Collection(AzuriteCollection.Name)]
public sealed class PulseDialogTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PulseTestbed _bed = new(azurite);

    public void Dispose() => _bed.Dispose();

    private async Task<PulseRun> StartedPulseAsync()
    {
        await _bed.InstallAsync(Lead);
        await _bed.SayInChannelAsync(Lead, "start pulse");
        var runs = await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 1, CancellationToken.None);
        return runs.Single();
    }

    private async Task<JObject> SubmitAsync(RosterMember member, JObject data) =>
        await _bed.ClickAsync(member, "pulse.submit", data);

    [Fact]
    public async Task A_lead_starting_a_pulse_sends_the_card_to_every_member_and_says_so()
    {
        await _bed.InstallAsync(Lead);

        var replies = await _bed.SayInChannelAsync(Lead, "start pulse");

        ShownBy(replies).Should().Contain("Pulse starting").And.Contain("sending the check-in to the team's members in their 1:1 chat");
        foreach (var member in _bed.Roster)
        {
            var card = _bed.CardsSentTo(member).Should().ContainSingle().Subject;
            TextOf(card).Should().Contain("Trust pulse").And.Contain("Overall, I trust the people on this team.");
            ScoreInputs(card).Count.Should().BeInRange(5, 7);
        }
    }

    [Fact]
    public async Task A_member_who_is_not_a_lead_cannot_start_a_pulse_and_nothing_is_stored()
    {
        await _bed.InstallAsync(Lead);

        var replies = await _bed.SayInChannelAsync(Megan, "start pulse");

        ShownBy(replies).Should().Contain("Only a lead of this team can do that");
        (await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 5, CancellationToken.None)).Should().BeEmpty();
        _bed.CardsSentTo(Megan).Should().BeEmpty();
    }

    [Fact]
    public async Task Starting_a_second_pulse_while_one_is_open_is_refused()
    {
        await StartedPulseAsync();

        var replies = await _bed.SayInChannelAsync(Lead, "start pulse");

        ShownBy(replies).Should().Contain("A pulse is already open");
        (await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 5, CancellationToken.None)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_member_submits_and_sees_the_thank_you_card_that_says_the_answer_is_anonymous()
    {
        var run = await StartedPulseAsync();
        var card = _bed.CardsSentTo(Megan).Single();

        var shown = await SubmitAsync(Megan, Answer(card, 4, comment: "We help each other.", helped: "care"));

        TextOf(shown).Should().Contain("Thanks, your answer is recorded").And.Contain("anonymous");
        var answer = (await _bed.OpenAnswersAsync(run)).Should().ContainSingle().Subject;
        answer.Scores.Values.Should().AllSatisfy(v => v.Should().Be(4));
        answer.Comment.Should().Be("We help each other.", "the comment is sealed in the answer until the pulse closes");
        (await _bed.Pulses.GetCommentsAsync(run.TeamId, run.RunId, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_pulse_button_with_a_verb_no_dialog_declares_gets_a_clear_card_and_runs_no_other_buttons_handler()
    {
        var run = await StartedPulseAsync();
        var card = _bed.CardsSentTo(Megan).Single();

        // Before verbs were declared one by one, any pulse verb but submit fell through to "change my answer".
        var shown = await _bed.ClickAsync(Megan, "pulse.later", Answer(card, 4));

        TextOf(shown).Should().Contain("This button no longer works").And.Contain("Type help");
        ScoreInputs(shown).Should().BeEmpty("it is not the pulse card that changing an answer shows");
        (await _bed.OpenAnswersAsync(run)).Should().BeEmpty("nothing was submitted");
    }

    [Fact]
    public async Task Submitting_again_replaces_the_answer_and_never_duplicates_it()
    {
        var run = await StartedPulseAsync();
        var card = _bed.CardsSentTo(Megan).Single();

        await SubmitAsync(Megan, Answer(card, 2));
        await SubmitAsync(Megan, Answer(card, 2));
        var changed = await _bed.ClickAsync(Megan, "pulse.change", (JObject)SubmitAction(card)["data"]!);
        await SubmitAsync(Megan, Answer(changed, 5));

        (await _bed.OpenAnswersAsync(run)).Should().ContainSingle().Which.Scores.Values.Should().AllSatisfy(v => v.Should().Be(5));
    }

    [Fact]
    public async Task Changing_an_answer_shows_the_card_filled_in_with_the_earlier_answer()
    {
        await StartedPulseAsync();
        var card = _bed.CardsSentTo(Adele).Single();
        await SubmitAsync(Adele, Answer(card, 3, comment: "Retros feel safer.", helped: "openness"));

        var changed = await _bed.ClickAsync(Adele, "pulse.change", (JObject)SubmitAction(card)["data"]!);

        var inputs = changed.Descendants().OfType<JObject>().Where(o => ((string?)o["id"])?.StartsWith("score.", StringComparison.Ordinal) == true);
        inputs.Should().AllSatisfy(input => ((string?)input["value"]).Should().Be("3"));
        changed.Descendants().OfType<JObject>().Single(o => (string?)o["id"] == "helped")["value"]!.ToString().Should().Be("openness");
        changed.Descendants().OfType<JObject>().Single(o => (string?)o["id"] == "comment")["value"]!.ToString().Should().Be("Retros feel safer.");
    }

    [Fact]
    public async Task Typing_pulse_in_the_personal_chat_brings_back_the_open_pulse()
    {
        await StartedPulseAsync();

        var replies = await _bed.SayInPersonalChatAsync(Isaiah, "pulse");

        var card = CardOf(replies.Single())!;
        TextOf(card).Should().Contain("Trust pulse: Contoso");
        ScoreInputs(card).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Typing_pulse_with_nothing_open_says_so()
    {
        var replies = await _bed.SayInPersonalChatAsync(Isaiah, "check in");

        ShownBy(replies).Should().Contain("There's no open pulse for you right now");
    }

    [Fact]
    public async Task Closing_a_pulse_rolls_it_up_and_reports_participation()
    {
        var run = await StartedPulseAsync();
        foreach (var member in new[] { Lead, Megan, Adele })
        {
            await SubmitAsync(member, Answer(_bed.CardsSentTo(member).Single(), 4));
        }

        var replies = await _bed.SayInChannelAsync(Lead, "close pulse");

        ShownBy(replies).Should().Contain("Pulse closed").And.Contain("3 of 4 members answered");
        var rollup = (await _bed.Pulses.GetRecentRollupsAsync(run.TeamId, 1, CancellationToken.None)).Single();
        rollup.Responded.Should().Be(3);
        rollup.MeetsThreshold.Should().BeTrue();
        rollup.Overall.Mean.Should().Be(4);
    }

    [Fact]
    public async Task Closing_below_the_anonymity_threshold_says_no_numbers_will_be_shown()
    {
        await StartedPulseAsync();
        await SubmitAsync(Megan, Answer(_bed.CardsSentTo(Megan).Single(), 1));

        var replies = await _bed.SayInChannelAsync(Lead, "close pulse");

        ShownBy(replies).Should().Contain("1 of 4").And.Contain("no numbers will be shown");
    }

    [Fact]
    public async Task The_thank_you_card_shows_last_time_only_when_that_run_met_the_threshold()
    {
        await StartedPulseAsync();
        foreach (var member in new[] { Lead, Megan, Adele })
        {
            await SubmitAsync(member, Answer(_bed.CardsSentTo(member).Single(), 4));
        }

        await _bed.SayInChannelAsync(Lead, "close pulse");
        await _bed.SayInChannelAsync(Lead, "start pulse");

        var shown = await SubmitAsync(Megan, Answer(_bed.CardsSentTo(Megan)[^1], 3));

        TextOf(shown).Should().Contain("Last time, overall trust").And.Contain("4.0 out of 5").And.Contain("3 of 4");
    }
}
