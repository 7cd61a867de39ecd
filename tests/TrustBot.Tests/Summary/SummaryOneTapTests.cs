using Newtonsoft.Json.Linq;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Actions;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;
using TrustBot.Tests.Recovery.Incidents;

namespace TrustBot.Tests.Summary;

/// <summary>
/// From the summary's "what to do next" or one of its hindrances, one tap opens the add-action card
/// with the factor picked and the suggested step as its title, both editable, owned by whoever tapped.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SummaryOneTapTests(AzuriteFixture azurite) : IDisposable
{
    private const string NewForFactorVerb = "action.new-for-factor";

    private readonly PulseTestbed _bed = new(azurite);

    public void Dispose() => _bed.Dispose();

    /// <summary>A pulse three people answer, low on every item and saying openness hurt trust; then the lead's summary.</summary>
    private async Task<JObject> SummaryAsync()
    {
        await _bed.InstallAsync(Lead);
        await _bed.AdvanceAsync(TimeSpan.Zero);
        await _bed.SayInChannelAsync(Lead, "start pulse");
        foreach (var member in new[] { Lead, Megan, Adele })
        {
            await _bed.ClickAsync(member, "pulse.submit", Answer(_bed.CardsSentTo(member)[^1], 2, hurt: "openness"));
        }

        await _bed.SayInChannelAsync(Lead, "close pulse");
        return CardOf((await _bed.SayInPersonalChatAsync(Lead, "summary")).Single())!;
    }

    private static IReadOnlyList<JObject> Buttons(JObject card) =>
        [.. card.Descendants().OfType<JObject>().Where(o => (string?)o["verb"] == NewForFactorVerb)];

    [Fact]
    public async Task Make_it_an_action_opens_the_add_card_filled_in_with_the_suggestion_and_its_factor()
    {
        var summary = await SummaryAsync();
        var makeIt = Buttons(summary).Single(button => (string?)button["title"] == "Make it an action");

        var add = await _bed.ClickAsync(Lead, NewForFactorVerb, (JObject)makeIt["data"]!);

        var factor = (string)makeIt["data"]!["factorId"]!;
        ActionSteps.ValueOf(add, "factor").Should().Be(factor);
        ActionSteps.ValueOf(add, "title").Should().NotBeNullOrWhiteSpace().And.Subject.Should().BeOneOf(TextOf(summary).Split('\n').Select(line => line.Split(": ", 2).Last()));
        ActionSteps.ValueOf(add, "owner").Should().Be(Lead.MemberId);

        var data = (JObject)SubmitAction(add)["data"]!.DeepClone();
        data["title"] = "Open Monday's stand-up with risks and concerns";
        data["owner"] = Megan.MemberId;
        data["dueOn"] = "2026-12-04";
        data["factor"] = factor;
        var added = await _bed.ClickAsync(Lead, ActionSteps.AddVerb, data);

        TextOf(added).Should().Contain("Action added");
        (await new ActionSteps(_bed).StoredAsync()).Should().ContainSingle().Which.FactorId.Should().Be(factor);
    }

    [Fact]
    public async Task A_hindrance_has_its_own_button_to_act_on_it()
    {
        var summary = await SummaryAsync();
        var actOn = Buttons(summary).Single(button => (string?)button["title"] == "Act on Openness");

        var add = await _bed.ClickAsync(Lead, NewForFactorVerb, (JObject)actOn["data"]!);

        ActionSteps.ValueOf(add, "factor").Should().Be("openness");
        ActionSteps.ValueOf(add, "title").Should().Contain("risk or concern");
    }

    [Theory]
    [InlineData("factorId", "not-a-factor")]
    [InlineData("teamId", "19:another-team@thread.tacv2")]
    public async Task A_tampered_button_opens_nothing(string field, string value)
    {
        var summary = await SummaryAsync();
        var data = (JObject)Buttons(summary)[0]["data"]!.DeepClone();
        data[field] = value;

        var refused = await _bed.ClickAsync(Lead, NewForFactorVerb, data);

        TextOf(refused).Should().ContainAny("This card can't be used", "not a member of");
        IncidentSteps.VerbsOn(refused).Should().NotContain(ActionSteps.AddVerb);
    }
}
