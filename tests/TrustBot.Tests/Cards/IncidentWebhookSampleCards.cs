using TrustBot.Cards;
using TrustBot.Domain.Teams;
using TrustBot.Recovery.Webhook;

namespace TrustBot.Tests.Cards;

/// <summary>Stage 5's IncidentWebhook cards with realistic data, for the card contract test.</summary>
public static class IncidentWebhookSampleCards
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var team = new Team("19:contoso@thread.tacv2", "72f988bf-86f1-41af-91ab-2d7cd011db47", "Contoso", TeamKind.Team,
            "19:contoso@thread.tacv2", "https://smba.trafficmanager.net/emea/", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        const string url = "https://trustbot.contoso.com/api/incidents/Qk3v9dXzT1a8LmN0pR2s_w";
        const string secret = "q8Zx3m1fV0yTn5bR7cW2hK9pL4sD6gJ8aE1uI0o_wXk";
        yield return ("incident-webhook-created", IncidentWebhookCard.WithSecret(team, url, secret, rotated: false));
        yield return ("incident-webhook-rotated", IncidentWebhookCard.WithSecret(team, url, secret, rotated: true));
        yield return ("incident-webhook-existing", IncidentWebhookCard.WithoutSecret(team with { Name = null }, url, new DateTimeOffset(2026, 11, 20, 14, 5, 0, TimeSpan.Zero)));
    }
}
