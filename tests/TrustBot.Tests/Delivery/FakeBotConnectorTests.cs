using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using TrustBot.Testing;

namespace TrustBot.Tests.Delivery;

/// <summary>The fake Bot Connector the delivery tests and the benchmark send to: it must speak the SDK's dialect and fail exactly as told.</summary>
public sealed class FakeBotConnectorTests : IAsyncLifetime
{
    private const string Alex = "29:alex";
    private const string TeamConversation = "19:team@thread.tacv2";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly HttpClient Http = new();
    private FakeBotConnector _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task A_member_gets_the_same_personal_conversation_every_time_it_is_created()
    {
        var first = await CreateConversationAsync(Alex);
        var second = await CreateConversationAsync(Alex);
        var other = await CreateConversationAsync("29:sam");

        first.Should().Be(second);
        other.Should().NotBe(first);
        _fake.ConversationsCreated.Should().Be(3);
        _fake.Received.Should().BeEmpty("creating a conversation delivers nothing");
    }

    [Fact]
    public async Task A_send_to_a_personal_conversation_is_recorded_for_its_member_with_the_cards_text()
    {
        var conversation = await CreateConversationAsync(Alex);

        using var response = await SendAsync(conversation, CardActivity("How was your week?"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var received = _fake.Received.Should().ContainSingle().Subject;
        received.ConversationId.Should().Be(conversation);
        received.RecipientUserId.Should().Be(Alex);
        received.CardText().Should().Contain("How was your week?").And.Contain("Submit");
        received.ActivityId.Should().Be((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        _fake.DeliveredTo(Alex).Should().Be(1);
    }

    [Fact]
    public async Task A_service_url_with_a_path_prefix_and_an_authorization_header_reaches_the_same_conversation()
    {
        var conversation = await CreateConversationAsync(Alex);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_fake.ServiceUrl}emea/v3/conversations/{Uri.EscapeDataString(conversation)}/activities")
        {
            Content = JsonContent.Create(TextActivity("hello")),
        };
        request.Headers.Authorization = new("Bearer", "any-token");

        using var response = await Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        _fake.DeliveredTo(Alex).Should().Be(1);
    }

    [Fact]
    public async Task A_429_asked_for_carries_Retry_After_and_delivers_nothing_then_sends_go_through_again()
    {
        var conversation = await CreateConversationAsync(Alex);
        _fake.FailNext(2, 429, TimeSpan.FromSeconds(3));

        using var first = await SendAsync(conversation, TextActivity("hello"));
        using var second = await SendAsync(conversation, TextActivity("hello"));
        using var third = await SendAsync(conversation, TextActivity("hello"));

        first.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        first.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(3));
        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        third.StatusCode.Should().Be(HttpStatusCode.Created);
        _fake.DeliveredTo(Alex).Should().Be(1);
        _fake.Throttled.Should().Be(2);
    }

    [Fact]
    public async Task A_500_asked_for_delivers_nothing()
    {
        var conversation = await CreateConversationAsync(Alex);
        _fake.FailNext(1, 500);

        using var response = await SendAsync(conversation, TextActivity("hello"));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Headers.RetryAfter.Should().BeNull();
        _fake.Received.Should().BeEmpty();
        _fake.ServerErrors.Should().Be(1);
    }

    [Fact]
    public async Task A_member_who_blocked_the_bot_is_refused_for_creates_and_sends_for_good()
    {
        var conversation = await CreateConversationAsync(Alex);
        _fake.RefuseMember(Alex, 403);

        using var create = await Http.PostAsJsonAsync(_fake.ServiceUrl + "v3/conversations", CreateConversationBody(Alex));
        using var send = await SendAsync(conversation, TextActivity("hello"));
        using var again = await SendAsync(conversation, TextActivity("hello"));

        create.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        send.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        again.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await send.Content.ReadAsStringAsync()).Should().Contain("ConversationBlockedByUser");
        _fake.DeliveredTo(Alex).Should().Be(0);
        _fake.Refused.Should().Be(3);
    }

    [Fact]
    public async Task A_rate_limit_of_50_per_second_lets_one_seconds_worth_of_a_burst_through_and_refuses_the_rest()
    {
        var clock = new FakeTimeProvider();
        await using var fake = await FakeBotConnector.StartAsync(new FakeConnectorOptions { MessagesPerSecond = 50, Clock = clock });
        var conversation = Uri.EscapeDataString(await CreateConversationAsync(Alex, fake));

        var burst = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => SendStatusAsync(fake, conversation)));
        clock.Advance(TimeSpan.FromSeconds(1));
        var nextSecond = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => SendStatusAsync(fake, conversation)));

        burst.Count(status => status == HttpStatusCode.Created).Should().Be(50);
        burst.Count(status => status == HttpStatusCode.TooManyRequests).Should().Be(150);
        nextSecond.Count(status => status == HttpStatusCode.Created).Should().Be(50);
        fake.DeliveredTo(Alex).Should().Be(100);
        fake.Throttled.Should().Be(160);
    }

    [Fact]
    public async Task With_latency_concurrent_sends_overlap_and_the_peak_is_counted()
    {
        await using var fake = await FakeBotConnector.StartAsync(new FakeConnectorOptions { Latency = TimeSpan.FromMilliseconds(300) });
        var conversation = Uri.EscapeDataString(await CreateConversationAsync(Alex, fake));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendStatusAsync(fake, conversation)));

        fake.DeliveredTo(Alex).Should().Be(20);
        fake.PeakConcurrentRequests.Should().BeGreaterThan(1);
    }

    [Fact]
    public async Task A_roster_of_1200_is_served_in_pages_of_500_with_a_continuation_token()
    {
        _fake.SetRoster(TeamConversation, FakeMember.Roster(1200));

        var pages = new List<JsonObject>();
        string? continuation = null;
        do
        {
            var url = $"{_fake.ServiceUrl}v3/conversations/{Uri.EscapeDataString(TeamConversation)}/pagedmembers?pageSize=500"
                + (continuation is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(continuation));
            var page = (await Http.GetFromJsonAsync<JsonObject>(url))!;
            pages.Add(page);
            continuation = page["continuationToken"]?.GetValue<string>();
        }
        while (continuation is not null);

        pages.Select(page => page["members"]!.AsArray().Count).Should().Equal(500, 500, 200);
        var members = pages.SelectMany(page => page["members"]!.AsArray()).Select(member => member!["id"]!.GetValue<string>()).ToList();
        members.Should().OnlyHaveUniqueItems().And.HaveCount(1200).And.StartWith("29:member-0001").And.EndWith("29:member-1200");
    }

    [Fact]
    public async Task Waiting_for_deliveries_completes_when_they_arrive_and_otherwise_says_what_arrived()
    {
        var conversation = await CreateConversationAsync(Alex);
        var waitForTwo = _fake.WaitForDeliveriesAsync(2, Patience);

        (await SendAsync(conversation, TextActivity("one"))).Dispose();
        waitForTwo.IsCompleted.Should().BeFalse();
        (await SendAsync(conversation, TextActivity("two"))).Dispose();
        await waitForTwo;

        var waitForThree = () => _fake.WaitForDeliveriesAsync(3, TimeSpan.FromMilliseconds(100));
        (await waitForThree.Should().ThrowAsync<TimeoutException>())
            .WithMessage("*3 deliveries*received 2 activities for 1 members*two*");
    }

    [Fact]
    public async Task The_bot_frameworks_connector_client_creates_sends_updates_and_pages_members_against_the_fake()
    {
        _fake.SetRoster(TeamConversation, [new FakeMember("28:bot", "bot-object-id", "TrustBot"), .. FakeMember.Roster(3)]);
        using var client = new ConnectorClient(new Uri(_fake.ServiceUrl), MicrosoftAppCredentials.Empty);

        var conversation = await client.Conversations.CreateConversationAsync(PersonalChatWith(Alex));
        var sent = await client.Conversations.SendToConversationAsync(conversation.Id, (Activity)MessageFactory.Text("hello"));
        await client.Conversations.UpdateActivityAsync(conversation.Id, sent.Id, (Activity)MessageFactory.Text("hello again"));

        _fake.Received.Should().ContainSingle().Which.Should().Match<ReceivedActivity>(a => a.RecipientUserId == Alex && a.Text == "hello");
        _fake.Updates.Should().ContainSingle().Which.Should().Match<ReceivedActivity>(u => u.ActivityId == sent.Id && u.Text == "hello again");

        using var turn = new TurnContext(new TestAdapter(Channels.Msteams), new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = Channels.Msteams,
            Conversation = new ConversationAccount(isGroup: true, id: TeamConversation),
        });
        turn.TurnState.Add<IConnectorClient>(client);
        var firstPage = await TeamsInfo.GetPagedMembersAsync(turn, 2);
        var lastPage = await TeamsInfo.GetPagedMembersAsync(turn, 2, firstPage.ContinuationToken);
        var one = await TeamsInfo.GetMemberAsync(turn, "29:member-0002");

        firstPage.Members.Select(m => m.Id).Should().Equal("28:bot", "29:member-0001");
        lastPage.Members.Select(m => m.AadObjectId).Should().Equal(FakeMember.Numbered(2).AadObjectId, FakeMember.Numbered(3).AadObjectId);
        lastPage.ContinuationToken.Should().BeNull();
        one.Name.Should().Be("Member 2");
    }

    [Fact]
    public async Task The_bots_anonymous_cloud_adapter_creates_a_personal_chat_and_continues_it_through_the_fake()
    {
        ConversationReference? chat = null;

        await Adapter().CreateConversationAsync(string.Empty, Channels.Msteams, _fake.ServiceUrl, null!, PersonalChatWith(Alex), async (turn, ct) =>
        {
            chat = turn.Activity.GetConversationReference();
            await turn.SendActivityAsync("first", cancellationToken: ct);
        }, default);
        await Adapter().ContinueConversationAsync(string.Empty, chat!, (turn, ct) => turn.SendActivityAsync("second", cancellationToken: ct), default);

        _fake.Received.Select(a => (a.RecipientUserId, a.Text)).Should().Equal((Alex, "first"), (Alex, "second"));
    }

    [Fact]
    public async Task The_bots_cloud_adapter_surfaces_a_429_with_its_Retry_After_and_a_403_as_errors_without_retrying()
    {
        var chat = new ConversationReference
        {
            ChannelId = Channels.Msteams,
            ServiceUrl = _fake.ServiceUrl,
            Conversation = new ConversationAccount(id: await CreateConversationAsync(Alex), conversationType: "personal"),
            Bot = new ChannelAccount("28:"),
        };
        Func<Task> send = () => Adapter().ContinueConversationAsync(string.Empty, chat, (turn, ct) => turn.SendActivityAsync("hi", cancellationToken: ct), default);

        _fake.FailNext(1, 429, TimeSpan.FromSeconds(2));
        var throttled = await send.Should().ThrowAsync<ErrorResponseException>();
        _fake.RefuseMember(Alex, 403);
        var refused = await send.Should().ThrowAsync<ErrorResponseException>();

        throttled.Which.Response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Which.Response.Headers["Retry-After"].Should().Equal("2");
        refused.Which.Response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        refused.Which.Body.Error.Code.Should().Be("ConversationBlockedByUser");
        _fake.Throttled.Should().Be(1, "the adapter's connector client does not retry by itself");
        _fake.Received.Should().BeEmpty();
    }

    // The adapter the bot runs with locally: no app id, so no authentication.
    private static CloudAdapter Adapter() => new(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build()));

    private static ConversationParameters PersonalChatWith(string member) => new()
    {
        IsGroup = false,
        Bot = new ChannelAccount("28:bot"),
        Members = [new ChannelAccount(member)],
        TenantId = "tenant",
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo("tenant") },
    };

    private static JsonObject CreateConversationBody(string member) => new()
    {
        ["isGroup"] = false,
        ["bot"] = new JsonObject { ["id"] = "28:bot" },
        ["members"] = new JsonArray(new JsonObject { ["id"] = member }),
        ["tenantId"] = "tenant",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant" } },
    };

    private static JsonObject TextActivity(string text) => new() { ["type"] = "message", ["text"] = text };

    private static JsonObject CardActivity(string question) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["content"] = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["version"] = "1.5",
                ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = question }),
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Submit", ["title"] = "Submit" }),
            },
        }),
    };

    private Task<string> CreateConversationAsync(string member) => CreateConversationAsync(member, _fake);

    private static async Task<string> CreateConversationAsync(string member, FakeBotConnector fake)
    {
        using var response = await Http.PostAsJsonAsync(fake.ServiceUrl + "v3/conversations", CreateConversationBody(member));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> SendAsync(string conversationId, JsonObject activity) =>
        Http.PostAsJsonAsync($"{_fake.ServiceUrl}v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", activity);

    private static async Task<HttpStatusCode> SendStatusAsync(FakeBotConnector fake, string escapedConversationId)
    {
        using var response = await Http.PostAsJsonAsync($"{fake.ServiceUrl}v3/conversations/{escapedConversationId}/activities", TextActivity("burst"));
        return response.StatusCode;
    }
}
