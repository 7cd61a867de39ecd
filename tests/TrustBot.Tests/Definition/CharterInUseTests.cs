using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Definition;

/// <summary>Once a team has a charter, it lives on: pulses ask about it, the summary shows it, newcomers get it, and anyone can propose a change.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CharterInUseTests : IDisposable
{
    private const string CharterItem = "People on this team act by the trust charter we agreed on.";
    private static readonly RosterMember Nestor = new("aad-nestor-0005", "29:1nestor", "Nestor Wilke");
    private readonly PulseTestbed _bed;
    private readonly DefinitionSteps _steps;

    public CharterInUseTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        _steps = new DefinitionSteps(_bed);
    }

    public void Dispose() => _bed.Dispose();

    private Task WriteCharterAsync() => _steps.Charters.TryAddAsync(
        new TrustCharter(_bed.TeamId, 1, ["We say early when something is going wrong.", "Nobody is blamed for an honest mistake."], _bed.Clock.GetUtcNow(), "Lynne Robbins"),
        CancellationToken.None);

    private static ChannelAccount Joining(RosterMember member) => new(member.UserId) { AadObjectId = member.MemberId };

    private async Task AnswerPulseAsync(int point)
    {
        await _bed.SayInChannelAsync(Lead, "start pulse");
        foreach (var member in new[] { Lead, Megan, Adele })
        {
            await _bed.ClickAsync(member, "pulse.submit", Answer(_bed.CardsSentTo(member)[^1], point));
        }

        await _bed.SayInChannelAsync(Lead, "close pulse");
    }

    [Fact]
    public async Task Pulses_ask_whether_the_team_lives_by_its_charter_once_it_has_one()
    {
        await _bed.InstallAsync(Lead);
        await _bed.SayInChannelAsync(Lead, "start pulse");
        TextOf(_bed.CardsSentTo(Megan)[^1]).Should().NotContain(CharterItem);
        await _bed.SayInChannelAsync(Lead, "close pulse");

        await WriteCharterAsync();
        await _bed.SayInChannelAsync(Lead, "start pulse");

        TextOf(_bed.CardsSentTo(Megan)[^1]).Should().Contain(CharterItem).And.Contain("Overall, I trust the people on this team.");
        ScoreInputs(_bed.CardsSentTo(Megan)[^1]).Should().HaveCount(7).And.Contain("score.charter.1");
    }

    [Fact]
    public async Task The_summary_shows_living_by_the_charter_on_its_own_line_once_k_people_answered_it()
    {
        await _bed.InstallAsync(Lead);
        await WriteCharterAsync();
        var before = ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary"));

        await AnswerPulseAsync(point: 4);
        var shown = ShownBy(await _bed.SayInPersonalChatAsync(Lead, "summary"));

        before.Should().NotContain("Living our charter");
        shown.Should().Contain("How we work (1 to 5)").And.Contain("Living our charter\n4.0").And.Contain("Leadership style").And.Contain("Fair assessment");
    }

    [Fact]
    public async Task The_charter_offers_to_propose_a_change_which_goes_in_as_a_proposal()
    {
        await _steps.InstallWithMembersAsync();
        await WriteCharterAsync();
        var card = CardOf((await _bed.SayInPersonalChatAsync(Megan, "charter")).Single())!;

        var propose = card["actions"]!.OfType<JObject>().Single(a => (string?)a["title"] == "Propose a change");
        ((string?)propose["type"]).Should().Be("Action.ShowCard");
        var proposal = (JObject)propose["card"]!;
        var data = (JObject)SubmitAction(proposal)["data"]!.DeepClone();
        data["text"] = "We review the charter together every quarter.";
        var answered = await _bed.ClickAsync(Megan, (string)SubmitAction(proposal)["verb"]!, data);

        TextOf(proposal).Should().Contain("On our team, trust means");
        TextOf(answered).Should().Contain("Thanks, your proposal is in");
        (await _steps.Votes.GetProposalsAsync(_bed.TeamId, CancellationToken.None)).Should().ContainSingle(p => p.Text == "We review the charter together every quarter.");
    }

    [Fact]
    public async Task Someone_who_joins_a_team_with_a_charter_gets_it_with_a_welcome_once()
    {
        await _bed.InstallAsync(Lead);
        await WriteCharterAsync();

        await _bed.MembersAddedAsync(Joining(Nestor));
        await _bed.MembersAddedAsync(Joining(Nestor));

        var welcome = _bed.CardsSentTo(Nestor).Should().ContainSingle().Subject;
        TextOf(welcome).Should().Contain("Welcome to Contoso").And.Contain("We say early when something is going wrong.").And.Contain("Propose a change");
        _bed.CardsSentTo(Lead).Should().BeEmpty("only the people who joined are welcomed");
        TextOf(CardOf((await _bed.SayInPersonalChatAsync(Nestor, "charter")).Single())).Should().Contain("Our trust charter", "the newcomer's 1:1 commands find the team");
    }

    [Fact]
    public async Task Someone_who_joins_a_team_without_a_charter_gets_nothing()
    {
        await _bed.InstallAsync(Lead);

        await _bed.MembersAddedAsync(Joining(Nestor));

        _bed.CardsSentTo(Nestor).Should().BeEmpty();
    }
}
