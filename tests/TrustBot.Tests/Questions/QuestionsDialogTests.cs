using TrustBot.Domain.Pulse;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Questions;

[Collection(AzuriteCollection.Name)]
public sealed class QuestionsDialogTests : IDisposable
{
    private const string OwnQuestion = "People on this team hand over work without surprises.";
    private readonly PulseTestbed _bed;
    private readonly QuestionSteps _lead;

    public QuestionsDialogTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        _lead = new QuestionSteps(_bed);
    }

    public void Dispose() => _bed.Dispose();

    private async Task<PulseRun> StartPulseAsync()
    {
        await _bed.SayInChannelAsync(Lead, "start pulse");
        return (await _bed.Pulses.GetRecentRunsAsync(_bed.TeamId, 1, CancellationToken.None)).Single();
    }

    [Fact]
    public async Task A_lead_adds_a_question_and_it_is_listed_with_a_retire_button()
    {
        await _bed.InstallAsync(Lead);

        var shown = await _lead.AddAsync(OwnQuestion, "reliability", reverse: true);
        var list = await _lead.ListAsync();

        TextOf(shown).Should().Contain("Question added").And.Contain(OwnQuestion).And.Contain("Reliability").And.Contain("from the next one");
        TextOf(list).Should().Contain(OwnQuestion).And.Contain("agreeing means less trust")
            .And.Contain($"TrustBot's {QuestionBank.BuiltIn.Items.Count} built-in questions");
        QuestionSteps.RetireData(list, OwnQuestion)["teamId"]!.ToString().Should().Be(_bed.TeamId);
        var stored = (await _lead.StoredAsync()).Should().ContainSingle().Subject;
        stored.Item.Should().BeEquivalentTo(new { Text = OwnQuestion, FactorId = "reliability", IsReverseScored = true, Version = 1, Source = "Added by the team" });
    }

    [Fact]
    public async Task The_add_card_offers_the_six_factors_and_the_reverse_scoring_toggle()
    {
        await _bed.InstallAsync(Lead);

        var card = await _lead.AddCardAsync();

        var factors = card.Descendants().OfType<Newtonsoft.Json.Linq.JObject>().Single(o => (string?)o["id"] == "factor");
        factors["choices"]!.Select(c => (string)c["value"]!).Should().Equal(TrustFactors.All.Select(f => f.Id));
        TextOf(card).Should().Contain("Agreeing means LESS trust");
        SubmitAction(card)["verb"]!.ToString().Should().Be(QuestionSteps.AddVerb);
    }

    [Fact]
    public async Task A_lead_of_one_team_can_add_from_the_personal_chat()
    {
        await _bed.InstallAsync(Lead);

        var replies = await _bed.SayInPersonalChatAsync(Lead, "add question");

        SubmitAction(CardOf(replies.Single())!)["data"]!["teamId"]!.ToString().Should().Be(_bed.TeamId);
    }

    [Fact]
    public async Task A_team_with_no_questions_of_its_own_is_told_how_to_add_one()
    {
        await _bed.InstallAsync(Lead);

        TextOf(await _lead.ListAsync()).Should().Contain("no questions of its own in use").And.Contain("add question");
    }

    [Fact]
    public async Task The_next_pulse_asks_the_teams_own_question()
    {
        await _bed.InstallAsync(Lead);
        // A fresh team's first run takes one item per factor in id order: "care.1", "competence.1",
        // then "custom.…" for openness before "integrity.1", so the selection is deterministic.
        await _lead.AddAsync(OwnQuestion, "openness");
        var id = (await _lead.StoredAsync()).Single().Item.Id;

        var run = await StartPulseAsync();

        run.ItemIds.Should().Contain(id);
        TextOf(_bed.CardsSentTo(Megan).Single()).Should().Contain(OwnQuestion);
    }

    [Fact]
    public async Task Retiring_keeps_the_open_runs_card_and_roll_up_but_later_pulses_never_ask_it()
    {
        await _bed.InstallAsync(Lead);
        await _lead.AddAsync(OwnQuestion, "openness");
        var id = (await _lead.StoredAsync()).Single().Item.Id;
        var run = await StartPulseAsync();

        var shown = await _bed.ClickAsync(Lead, QuestionSteps.RetireVerb, QuestionSteps.RetireData(await _lead.ListAsync(), OwnQuestion));

        TextOf(shown).Should().Contain("is retired").And.Contain("1 retired question is no longer asked");
        (await _lead.StoredAsync()).Single().IsRetired.Should().BeTrue();
        var reopened = CardOf((await _bed.SayInPersonalChatAsync(Megan, "pulse")).Single())!;
        TextOf(reopened).Should().Contain(OwnQuestion, "a run that asked it still shows it");
        foreach (var member in new[] { Lead, Megan, Adele })
        {
            TextOf(await _bed.ClickAsync(member, "pulse.submit", Answer(_bed.CardsSentTo(member).Single(), 4))).Should().Contain("Thanks");
        }

        await _bed.SayInChannelAsync(Lead, "close pulse");
        var rollup = (await _bed.Pulses.GetRecentRollupsAsync(run.TeamId, 1, CancellationToken.None)).Single();
        rollup.Items[id].Count.Should().Be(3);
        rollup.Factors["openness"].Count.Should().Be(3);

        // Six more runs go round the whole bank; none asks the retired question.
        for (var i = 0; i < 6; i++)
        {
            // Runs sort newest first by opening time, so each starts on a later day.
            _bed.Clock.Advance(TimeSpan.FromDays(1));
            (await StartPulseAsync()).ItemIds.Should().NotContain(id);
            await _bed.SayInChannelAsync(Lead, "close pulse");
        }
    }

    [Fact]
    public async Task Retiring_again_says_it_was_already_retired_and_changes_nothing()
    {
        await _bed.InstallAsync(Lead);
        await _lead.AddAsync(OwnQuestion);
        var retire = QuestionSteps.RetireData(await _lead.ListAsync(), OwnQuestion);
        await _bed.ClickAsync(Lead, QuestionSteps.RetireVerb, retire);
        var retiredAt = (await _lead.StoredAsync()).Single().RetiredAt;
        _bed.Clock.Advance(TimeSpan.FromDays(1));

        var shown = await _bed.ClickAsync(Lead, QuestionSteps.RetireVerb, retire);

        TextOf(shown).Should().Contain("was already retired").And.Contain("nothing changed");
        (await _lead.StoredAsync()).Single().RetiredAt.Should().Be(retiredAt);
    }

    [Theory]
    [InlineData("add question")]
    [InlineData("questions")]
    public async Task A_member_who_is_not_a_lead_is_refused(string command)
    {
        await _bed.InstallAsync(Lead);

        var replies = await _bed.SayInChannelAsync(Megan, command);

        ShownBy(replies).Should().Contain("Only a lead of this team can do that");
        replies.Select(CardOf).Should().AllSatisfy(card => card.Should().BeNull());
    }
}
