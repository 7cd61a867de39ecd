using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;
using TrustBot.Recovery.Webhook;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Recovery.Webhook;

/// <summary>
/// <c>incident webhook</c>: a lead gets the URL and, once, the secret in their 1:1 chat, and can
/// rotate the secret; nobody else gets either, and nobody gets them in a channel.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IncidentWebhookDialogTests : IDisposable
{
    private const string PublicBaseUrl = "https://trustbot.contoso.example";
    private readonly PulseTestbed _bed;

    public IncidentWebhookDialogTests(AzuriteFixture azurite)
    {
        _bed = new PulseTestbed(azurite);
        // The testbed's turns come through no HTTP request to take the address from.
        _bed.Service<IOptions<IncidentWebhookOptions>>().Value.PublicBaseUrl = PublicBaseUrl;
    }

    public void Dispose() => _bed.Dispose();

    private IIncidentWebhookStore Webhooks => _bed.Service<IIncidentWebhookStore>();

    private Task<IncidentWebhook?> StoredAsync() => Webhooks.GetForTeamAsync(_bed.TeamId, CancellationToken.None);

    private string SecretOf(IncidentWebhook webhook) => _bed.Service<IncidentWebhookSignature>().SecretFor(webhook.WebhookId, webhook.Version);

    private static JObject RotateData(JObject card) =>
        (JObject)card.Descendants().OfType<JObject>().Single(action => (string?)action["verb"] == IncidentWebhookCard.RotateVerb)["data"]!;

    private async Task<JObject> AskAsync(RosterMember sender) =>
        CardOf((await _bed.SayInPersonalChatAsync(sender, "incident webhook")).Single())!;

    [Fact]
    public async Task A_lead_in_the_1to1_chat_gets_the_url_and_the_secret()
    {
        await _bed.InstallAsync(Lead);

        var shown = TextOf(await AskAsync(Lead));

        var webhook = (await StoredAsync())!;
        webhook.Version.Should().Be(1);
        shown.Should().Contain($"{PublicBaseUrl}/api/incidents/{webhook.WebhookId}")
            .And.Contain(SecretOf(webhook))
            .And.Contain("Shown only this once")
            .And.Contain("openssl dgst -sha256 -hmac");
    }

    [Fact]
    public async Task Asking_again_shows_the_url_but_never_the_secret_again()
    {
        await _bed.InstallAsync(Lead);
        await AskAsync(Lead);

        var shown = TextOf(await AskAsync(Lead));

        var webhook = (await StoredAsync())!;
        webhook.Version.Should().Be(1, "asking again does not rotate");
        shown.Should().Contain($"{PublicBaseUrl}/api/incidents/{webhook.WebhookId}").And.Contain("never shown again").And.NotContain(SecretOf(webhook));
    }

    [Fact]
    public async Task In_a_channel_the_lead_is_sent_to_the_1to1_chat_and_no_secret_is_made()
    {
        await _bed.InstallAsync(Lead);

        var replies = await _bed.SayInChannelAsync(Lead, "incident webhook");

        ShownBy(replies).Should().Contain("I'll only show a secret in our 1:1 chat").And.NotContain("/api/incidents/");
        replies.Select(CardOf).Should().AllSatisfy(card => card.Should().BeNull());
        (await StoredAsync()).Should().BeNull();
    }

    [Fact]
    public async Task A_member_who_leads_no_team_gets_neither_url_nor_secret()
    {
        await _bed.InstallAsync(Lead);

        var replies = await _bed.SayInPersonalChatAsync(Megan, "incident webhook");

        ShownBy(replies).Should().Contain("You don't lead a team").And.NotContain("/api/incidents/");
        (await StoredAsync()).Should().BeNull();
    }

    [Fact]
    public async Task Rotating_shows_a_new_secret_and_the_old_one_stops_working()
    {
        await _bed.InstallAsync(Lead);
        var card = await AskAsync(Lead);
        var oldSecret = SecretOf((await StoredAsync())!);

        var rotated = TextOf(await _bed.ClickAsync(Lead, IncidentWebhookCard.RotateVerb, RotateData(card)));

        var webhook = (await StoredAsync())!;
        webhook.Version.Should().Be(2);
        SecretOf(webhook).Should().NotBe(oldSecret);
        rotated.Should().Contain(SecretOf(webhook)).And.NotContain(oldSecret).And.Contain("The old one stopped working just now")
            .And.Contain($"{PublicBaseUrl}/api/incidents/{webhook.WebhookId}");
    }

    [Fact]
    public async Task Someone_who_does_not_lead_the_team_cannot_rotate_its_secret()
    {
        await _bed.InstallAsync(Lead);
        var card = await AskAsync(Lead);

        var refused = TextOf(await _bed.ClickAsync(Megan, IncidentWebhookCard.RotateVerb, RotateData(card)));

        refused.Should().Contain("The secret was not rotated").And.Contain("a team you don't lead");
        (await StoredAsync())!.Version.Should().Be(1);
    }
}
