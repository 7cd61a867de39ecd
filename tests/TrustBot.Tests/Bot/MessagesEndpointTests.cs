using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Hosting.TeamsActivities;

namespace TrustBot.Tests.Bot;

[Collection(AzuriteCollection.Name)]
public sealed class MessagesEndpointTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TrustBotHost _host = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix());

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Help_in_a_personal_chat_replies_with_the_help_card()
    {
        var replies = await _host.CreateClient().PostExpectingRepliesAsync(PersonalMessage("help"));

        var card = CardOf(replies.Single());
        card.Should().NotBeNull();
        TextOf(card).Should().Contain("TrustBot commands").And.Contain("help");
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData("  help  ")]
    [InlineData("Help me")]
    public async Task Help_is_recognised_whatever_the_case_and_spacing(string text)
    {
        var replies = await _host.CreateClient().PostExpectingRepliesAsync(PersonalMessage(text));

        TextOf(CardOf(replies.Single())).Should().Contain("TrustBot commands").And.NotContain("Sorry");
    }

    [Fact]
    public async Task A_channel_message_is_routed_after_the_bots_mention_is_removed()
    {
        var replies = await _host.CreateClient().PostExpectingRepliesAsync(ChannelMessage("<at>TrustBot</at> help"));

        TextOf(CardOf(replies.Single())).Should().Contain("TrustBot commands").And.NotContain("Sorry");
    }

    [Fact]
    public async Task A_mention_entity_without_a_mentioned_account_still_gets_an_answer()
    {
        var message = ChannelMessage("<at>TrustBot</at> help");
        message["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>TrustBot</at>" });

        var replies = await _host.CreateClient().PostExpectingRepliesAsync(message);

        TextOf(CardOf(replies.Single())).Should().Contain("TrustBot commands");
    }

    [Theory]
    [InlineData("helpful")]
    [InlineData("what can you do?")]
    [InlineData("")]
    public async Task Text_that_is_no_command_gets_help_and_says_so(string text)
    {
        var replies = await _host.CreateClient().PostExpectingRepliesAsync(PersonalMessage(text));

        var shown = TextOf(CardOf(replies.Single()));
        shown.Should().Contain("TrustBot commands");
        if (text.Length > 0)
        {
            shown.Should().Contain($"Sorry, I don't know \"{text}\"");
        }
    }

    [Fact]
    public async Task Very_long_unknown_text_is_echoed_shortened()
    {
        var replies = await _host.CreateClient().PostExpectingRepliesAsync(PersonalMessage(new string('x', 3000)));

        TextOf(CardOf(replies.Single())).Should().Contain(new string('x', 40) + "…").And.NotContain(new string('x', 41));
    }

    [Theory]
    [InlineData("personal", "a:1personal", "This is where I'll send you short, anonymous check-ins.")]
    [InlineData("groupChat", "19:group@thread.v2", "Thanks for adding me to this chat.")]
    [InlineData("channel", "19:general@thread.tacv2", "Thanks for adding me to this team.")]
    public async Task Installing_the_bot_shows_the_welcome_card_for_the_scope(string conversationType, string conversationId, string expected)
    {
        var replies = await _host.CreateClient().PostExpectingRepliesAsync(BotInstalled(conversationType, conversationId));

        var shown = TextOf(CardOf(replies.Single()));
        shown.Should().Contain("Hi, I'm TrustBot").And.Contain(expected);
        shown.Should().Contain("1. Awareness").And.Contain("5. Recovery");
    }

    [Fact]
    public async Task A_person_joining_gets_no_welcome_and_costs_no_connector_call()
    {
        var update = BotInstalled("channel", "19:general@thread.tacv2");
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:1newcomer" });

        // The service URL is not reachable from the test: any connector call would fail the turn.
        var replies = await _host.CreateClient().PostExpectingRepliesAsync(update);

        replies.Should().BeEmpty();
    }

    [Fact]
    public async Task The_welcome_cards_show_commands_button_replaces_it_with_help()
    {
        using var response = await _host.CreateClient().PostAsJsonAsync("/api/messages", CardAction("help.show"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ((int)body["statusCode"]!).Should().Be(200);
        ((string)body["type"]!).Should().Be("application/vnd.microsoft.card.adaptive");
        TextOf(body["value"]).Should().Contain("TrustBot commands");
    }

    [Fact]
    public async Task An_unknown_verb_gets_a_card_that_says_the_button_no_longer_works()
    {
        using var response = await _host.CreateClient().PostAsJsonAsync("/api/messages", CardAction("pulse.tampered"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        TextOf(body["value"]).Should().Contain("This button no longer works");
    }

    [Theory]
    [InlineData("not json at all", "not JSON")]
    [InlineData("[1,2,3]", "expected a JSON object")]
    [InlineData("{\"text\":\"help\"}", "no type")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"https://x.example/\"}", "no conversation id")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"\"},\"serviceUrl\":\"https://x.example/\"}", "no conversation id")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"a:1\"}}", "no absolute serviceUrl")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"a:1\"},\"serviceUrl\":\"not a url\"}", "no absolute serviceUrl")]
    public async Task Malformed_requests_get_400_that_says_what_is_wrong(string body, string expected)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _host.CreateClient().PostAsync("/api/messages", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected);
    }

    [Fact]
    public async Task A_body_over_256_KiB_gets_413()
    {
        var activity = PersonalMessage(new string('x', 300 * 1024));
        using var response = await _host.CreateClient().PostAsJsonAsync("/api/messages", activity);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task With_an_app_id_configured_an_unsigned_request_gets_401()
    {
        using var secured = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix(), appId: "11111111-2222-3333-4444-555555555555");

        using var response = await secured.CreateClient().PostAsJsonAsync("/api/messages", PersonalMessage("help"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
