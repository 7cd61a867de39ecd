using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Bot;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Hosting.TeamsActivities;

namespace TrustBot.Tests.Bot;

[Collection(AzuriteCollection.Name)]
public sealed class TurnErrorTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TrustBotHost _host = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix(),
        testServices: services => services.AddSingleton<IDialog, FailingDialog>());

    public void Dispose() => _host.Dispose();

    private sealed class FailingDialog : IDialog
    {
        public void DeclareRoutes(DialogRoutes routes) =>
            routes.Command(new BotCommand("fail", "Always fails"), (_, _) => throw new InvalidOperationException("secret internal detail"))
                .Verb("test.fail", (_, _) => throw new InvalidOperationException("secret internal detail"));
    }

    private HttpClient ClientWithFailingDialog() => _host.CreateClient();

    [Fact]
    public async Task A_failing_command_tells_the_user_without_revealing_the_error()
    {
        var replies = await ClientWithFailingDialog().PostExpectingRepliesAsync(PersonalMessage("fail"));

        var text = (string?)replies.Single()!["text"];
        text.Should().Be(TrustBotAdapter.SomethingWentWrong);
        replies.ToJsonString().Should().NotContain("secret internal detail");
    }

    [Fact]
    public async Task A_failing_card_button_gets_an_error_card_not_a_server_error()
    {
        using var response = await ClientWithFailingDialog().PostAsJsonAsync("/api/messages", CardAction("test.fail"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        TextOf(JsonNode.Parse(body)!["value"]).Should().Contain("That didn't work");
        body.Should().NotContain("secret internal detail");
    }
}
