using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Bot;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Hosting.TeamsActivities;

namespace TrustBot.Tests.Bot;

/// <summary>
/// Who may talk to the bot: outside Development nobody without a valid Bot Framework token (the
/// host does not even start without an app id), only the Teams channel, and only the tenants of
/// <c>Bot:AllowedTenants</c> when it is set. Every refusal comes before the turn: nothing is stored.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuthenticationTests(AzuriteFixture azurite)
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string OtherTenant = "0b5f5c5e-7d0c-4e1b-9a55-000000000bad";
    private const string GroupChatId = "19:group-of-three@thread.v2";

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Outside_development_the_host_does_not_start_without_an_app_id_and_says_what_to_set(string environment)
    {
        using var host = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix(), environment: environment);

        var starting = () => host.CreateClient();

        var refusal = starting.Should().Throw<Exception>().Which;
        refusal.Message.Should().Contain($"will not start in the {environment} environment without MicrosoftAppId")
            .And.Contain("MicrosoftAppType").And.Contain("MicrosoftAppTenantId").And.Contain("MicrosoftAppPassword");
    }

    [Fact]
    public void An_app_type_without_the_settings_it_needs_stops_the_host_too()
    {
        using var host = TrustBotHost.OnAzurite(
            azurite.ConnectionString, azurite.UniquePrefix(), appId: AppId, extra: new Dictionary<string, string?> { ["MicrosoftAppTenantId"] = "" });

        var starting = () => host.CreateClient();

        starting.Should().Throw<Exception>().Which.Message.Should().Contain("MicrosoftAppTenantId is required for SingleTenant");
    }

    [Fact]
    public async Task Without_a_valid_token_a_stranger_gets_401_whatever_channel_or_tenant_they_claim()
    {
        using var host = TrustBotHost.OnAzurite(
            azurite.ConnectionString, azurite.UniquePrefix(), appId: AppId, extra: new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = TenantId });
        var client = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var activity in new[] { PersonalMessage("summary"), FromChannel("webchat", PersonalMessage("summary")), FromTenant(OtherTenant, PersonalMessage("summary")) })
        {
            using var response = await client.PostAsJsonAsync("/api/messages", activity);
            statuses.Add(response.StatusCode);
        }

        statuses.Should().AllSatisfy(status => status.Should().Be(HttpStatusCode.Unauthorized), "which tenants are served is no stranger's business");
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("emulator")]
    [InlineData("directline")]
    [InlineData("")]
    public async Task Only_the_teams_channel_is_served_and_nothing_else_is_processed(string channelId)
    {
        using var host = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix());

        using var response = await host.CreateClient().PostAsJsonAsync("/api/messages", FromChannel(channelId, BotInstalled("groupChat", GroupChatId)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Microsoft Teams only").And.Contain("msteams");
        (await TeamAsync(host)).Should().BeNull("the install was not processed");
    }

    [Fact]
    public async Task With_allowed_tenants_set_an_allowed_tenant_is_served()
    {
        using var host = WithAllowedTenants();

        var replies = await host.CreateClient().PostExpectingRepliesAsync(BotInstalled("groupChat", GroupChatId));

        TextOf(CardOf(replies.Single())).Should().Contain("Thanks for adding me to this chat.");
        (await TeamAsync(host)).Should().NotBeNull();
    }

    [Fact]
    public async Task With_allowed_tenants_set_every_other_tenant_gets_403_and_nothing_is_stored()
    {
        using var host = WithAllowedTenants();
        var client = host.CreateClient();
        var bothElsewhere = FromTenant(OtherTenant, BotInstalled("groupChat", GroupChatId));
        var channelDataElsewhere = BotInstalled("groupChat", GroupChatId);
        channelDataElsewhere["channelData"]!["tenant"]!["id"] = OtherTenant;
        var noTenant = BotInstalled("groupChat", GroupChatId);
        noTenant["conversation"]!.AsObject().Remove("tenantId");
        noTenant.Remove("channelData");

        foreach (var activity in new[] { bothElsewhere, channelDataElsewhere, noTenant })
        {
            using var response = await client.PostAsJsonAsync("/api/messages", activity);

            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await response.Content.ReadAsStringAsync()).Should().Contain("does not serve the activity's tenant");
        }

        (await TeamAsync(host)).Should().BeNull();
    }

    [Fact]
    public void Allowed_tenants_that_are_not_tenant_ids_stop_the_host()
    {
        using var host = TrustBotHost.OnAzurite(
            azurite.ConnectionString, azurite.UniquePrefix(), extra: new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = "contoso.onmicrosoft.com" });

        var starting = () => host.CreateClient();

        starting.Should().Throw<Exception>().Which.Message.Should().Contain("Bot:AllowedTenants must list tenant ids (GUIDs)");
    }

    [Theory]
    [InlineData("\"text\":\"\\ud800\"")]
    [InlineData("\"text\":\"ok \\udfff then\"")]
    [InlineData("\"text\":\"help\",\"\\ud83d\":1")]
    [InlineData("\"text\":\"help\",\"value\":{\"comment\":[\"\\udc00\\ud800\"]}")]
    public async Task A_lone_surrogate_anywhere_in_the_body_gets_400(string text)
    {
        using var host = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix());

        using var response = await PostRawAsync(host, text);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("not valid Unicode");
    }

    [Fact]
    public async Task A_surrogate_pair_is_text_like_any_other()
    {
        using var host = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix());
        using var response = await PostRawAsync(host, "\"text\":\"help \\ud83d\\ude00\"");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    // A personal message whose "text" member is replaced by raw JSON: a serializer would not write a lone surrogate.
    private static async Task<HttpResponseMessage> PostRawAsync(TrustBotHost host, string textMember)
    {
        var body = PersonalMessage("PLACEHOLDER").ToJsonString().Replace("\"text\":\"PLACEHOLDER\"", textMember, StringComparison.Ordinal);
        body.Should().NotContain("PLACEHOLDER");
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await host.CreateClient().PostAsync("/api/messages", content);
    }

    private TrustBotHost WithAllowedTenants() => TrustBotHost.OnAzurite(
        azurite.ConnectionString, azurite.UniquePrefix(), extra: new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = TenantId.ToUpperInvariant() });

    private static Task<Team?> TeamAsync(TrustBotHost host) =>
        host.Services.GetRequiredService<ITeamStore>().GetTeamAsync(GroupChatId, CancellationToken.None);

    private static JsonObject FromChannel(string channelId, JsonObject activity)
    {
        activity["channelId"] = channelId;
        return activity;
    }

    private static JsonObject FromTenant(string tenantId, JsonObject activity)
    {
        activity["conversation"]!["tenantId"] = tenantId;
        activity["channelData"]!["tenant"]!["id"] = tenantId;
        return activity;
    }
}
