using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;
using TrustBot.Teams;

namespace TrustBot.Recovery.Webhook;

/// <summary>
/// <c>incident webhook</c>: a lead gets the URL incident tools report to and, when it is made, the
/// secret they sign with; the rotate button makes a new secret and the old one stops working at once.
/// Only in the lead's 1:1 chat, since a secret posted in a channel is no secret.
/// </summary>
public sealed partial class IncidentWebhookDialog(
    TeamDirectory directory,
    IIncidentWebhookStore webhooks,
    IncidentWebhookSignature signatures,
    IOptions<IncidentWebhookOptions> options,
    IHttpContextAccessor http,
    TimeProvider clock,
    ILogger<IncidentWebhookDialog> logger) : IDialog
{
    // What a lead is told who asks anywhere but in the 1:1 chat.
    private static readonly string PrivateOnly =
        $"I'll only show a secret in our 1:1 chat — open your chat with me and type {BotCommands.IncidentWebhook.Text} there.";

    /// <inheritdoc />
    public void DeclareRoutes(DialogRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Command(BotCommands.IncidentWebhook, ShowAsync)
            .Verb(IncidentWebhookCard.RotateVerb, RotateAsync);
    }

    private async Task ShowAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Scope != ConversationScope.Personal)
        {
            await turn.ReplyAsync(PrivateOnly, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        // A secret is shown once, when it is made; asking again shows the URL and the way to a new one.
        var card = await webhooks.GetForTeamAsync(team.Id, cancellationToken).ConfigureAwait(false) is { } existing
            ? IncidentWebhookCard.WithoutSecret(team, UrlOf(existing), existing.CreatedAt)
            : await MakeSecretAsync(team, cancellationToken).ConfigureAwait(false);
        await turn.ReplyAsync(card, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> RotateAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        if (turn.Scope != ConversationScope.Personal)
        {
            return NotRotated(PrivateOnly);
        }

        if (CardSubmit.TeamIdOf(data) is not { } teamId)
        {
            return NotRotated($"This card doesn't name a team I know. Type {BotCommands.IncidentWebhook.Text} to get a fresh one.");
        }

        if (await directory.FindLedTeamAsync(turn.MemberId, teamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            Log.RotateRefused(logger, teamId);
            return NotRotated("Only a lead of the team can rotate its webhook secret, and this card is for a team you don't lead.");
        }

        return await MakeSecretAsync(team, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> MakeSecretAsync(Team team, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.CreateOrRotateAsync(team.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Log.SecretMade(logger, webhook.WebhookId, webhook.Version, team.Id);
        return IncidentWebhookCard.WithSecret(team, UrlOf(webhook), signatures.SecretFor(webhook.WebhookId, webhook.Version), rotated: webhook.Version > 1);
    }

    private string UrlOf(IncidentWebhook webhook) => BaseUrl() + IncidentWebhookEndpoint.PathFor(webhook.WebhookId);

    // The configured address, else the one Teams reached the bot at: https, as App Service serves it,
    // unless it is a loopback host (a local run), whose scheme is kept.
    private string BaseUrl()
    {
        if (options.Value.PublicBaseUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        var request = http.HttpContext?.Request
            ?? throw new InvalidOperationException($"No request to take the bot's address from: set {IncidentWebhookOptions.SectionName}:{nameof(IncidentWebhookOptions.PublicBaseUrl)}.");
        var host = request.Host.Host;
        var isLoopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        return $"{(isLoopback ? request.Scheme : Uri.UriSchemeHttps)}://{request.Host}";
    }

    private static AdaptiveCard NotRotated(string why) =>
        NoticeCard.Build("The secret was not rotated", why, isProblem: true);

    // Never the secret: only which webhook, which version, and whose.
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Incident webhook {WebhookId} got secret version {Version} for team {TeamId}")]
        public static partial void SecretMade(ILogger logger, string webhookId, int version, string teamId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Rotating the incident webhook secret of team {TeamId} was refused: the sender does not lead it")]
        public static partial void RotateRefused(ILogger logger, string teamId);
    }
}
