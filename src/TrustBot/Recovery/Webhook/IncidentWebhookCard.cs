using TrustBot.Cards;
using TrustBot.Domain.Teams;

namespace TrustBot.Recovery.Webhook;

/// <summary>
/// The card a lead gets in their 1:1 chat for <c>incident webhook</c>: the URL incident tools post
/// to, the secret they sign with (only right after it is made) and how to sign, and a button to
/// rotate the secret.
/// </summary>
public static class IncidentWebhookCard
{
    /// <summary>The verb of the rotate button.</summary>
    public const string RotateVerb = "incident-webhook.rotate";

    /// <summary>A request body for the example: what a tool might send.</summary>
    public const string ExampleBody =
        """{"title":"Checkout is down","description":"Payments fail for every customer in the EU since 08:10.","severity":"major","externalId":"PD-12345"}""";

    /// <summary>The card that shows a secret just made; it is never shown again.</summary>
    /// <param name="team">The team the webhook reports to.</param>
    /// <param name="url">The webhook's URL.</param>
    /// <param name="secret">The secret.</param>
    /// <param name="rotated">Whether it replaces a secret that has just stopped working.</param>
    public static AdaptiveCard WithSecret(Team team, string url, string secret, bool rotated)
    {
        ArgumentNullException.ThrowIfNull(team);
        List<CardElement> body = [CardBlocks.Heading(Title(team))];
        if (rotated)
        {
            body.Add(new Container([new TextBlock("New secret made. The old one stopped working just now: give every tool that used it this one.") { Weight = TextWeight.Bolder }])
            {
                Style = ContainerStyle.Warning,
            });
        }

        body.Add(Introduction());
        body.AddRange(Labelled("URL", url));
        body.AddRange(Labelled("Secret", secret));
        body.Add(new TextBlock("Shown only this once: copy it into your tool's settings now. If it is lost, rotate it to get a new one.")
        {
            Color = TextColor.Attention,
            Spacing = Spacing.None,
        });
        body.Add(new TextBlock("How a tool signs a request") { Weight = TextWeight.Bolder, Separator = true });
        body.Add(new TextBlock(
            "POST a JSON object with title, description and severity (minor, major or critical), and optionally occurredAt, factors, " +
            "visibility (team or leads) and externalId. Send the time in Unix seconds as X-TrustBot-Timestamp and, as X-TrustBot-Signature, " +
            "sha256= followed by the hex HMAC-SHA256 of the timestamp, a dot and the body, keyed with the secret. For example, in a shell:"));
        body.AddRange(CurlExample(url, secret).Select(line => new RichTextBlock([new TextRun(line)]) { Spacing = Spacing.None }));
        return new AdaptiveCard { Body = body, Actions = [Rotate(team.Id)] };
    }

    /// <summary>The card for a webhook whose secret was shown when it was made.</summary>
    /// <param name="team">The team the webhook reports to.</param>
    /// <param name="url">The webhook's URL.</param>
    /// <param name="secretMadeAt">When the current secret was made.</param>
    public static AdaptiveCard WithoutSecret(Team team, string url, DateTimeOffset secretMadeAt)
    {
        ArgumentNullException.ThrowIfNull(team);
        List<CardElement> body = [CardBlocks.Heading(Title(team)), Introduction(), .. Labelled("URL", url)];
        body.Add(new TextBlock(
            $"The secret was made {CardText.LocalDateTime(secretMadeAt)} and shown then; it is never shown again. " +
            "If it is lost, rotate it to get a new one."));
        return new AdaptiveCard { Body = body, Actions = [Rotate(team.Id)] };
    }

    /// <summary>A shell script that posts <see cref="ExampleBody"/>, signed, to the webhook: the same one README documents.</summary>
    public static IReadOnlyList<string> CurlExample(string url, string secret) =>
    [
        $"url='{url}'",
        $"secret='{secret}'",
        $"body='{ExampleBody}'",
        "ts=$(date +%s)",
        "sig=$(printf '%s.%s' \"$ts\" \"$body\" | openssl dgst -sha256 -hmac \"$secret\" -hex | sed 's/^.* //')",
        "curl -X POST \"$url\" -H 'Content-Type: application/json' -H \"X-TrustBot-Timestamp: $ts\" -H \"X-TrustBot-Signature: sha256=$sig\" --data-binary \"$body\"",
    ];

    /// <summary>The data the rotate button carries.</summary>
    public static object DataFor(string teamId) => new { teamId };

    private static string Title(Team team) => team.Name is null ? "Incident webhook" : $"Incident webhook: {team.Name}";

    private static TextBlock Introduction() => new(
        "Incident tools (PagerDuty, Opsgenie, Azure Monitor alerts, a CI pipeline) can report incidents here. " +
        "Each one reaches the leads first, to accept or dismiss.")
    {
        IsSubtle = true,
    };

    // Plain text runs: Teams would read a secret's or a URL's underscores as Markdown in a TextBlock.
    private static IEnumerable<CardElement> Labelled(string label, string value) =>
    [
        new TextBlock(label) { Weight = TextWeight.Bolder },
        new RichTextBlock([new TextRun(value)]) { Spacing = Spacing.None },
    ];

    private static ShowCardAction Rotate(string teamId) => new("Rotate the secret", new AdaptiveCard
    {
        Body =
        [
            new TextBlock("The current secret stops working at once: every tool that uses it is refused until it has the new one."),
        ],
        Actions = [new ExecuteAction("Rotate now", RotateVerb) { Data = DataFor(teamId), Style = ActionStyle.Destructive }],
    });
}
