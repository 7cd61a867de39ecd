using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;

namespace TrustBot.Recovery;

/// <summary>
/// <c>POST /api/incidents/{webhookId}</c>: incident tools report incidents here, signed with their
/// team's webhook secret (see <see cref="IncidentWebhookSignature"/>). Checks go cheapest first and
/// never read more than 64 KiB and a byte of the body. Every refusal is logged with its status, the
/// webhook and the reason, never with the body or the signature.
/// </summary>
public static partial class IncidentWebhookEndpoint
{
    /// <summary>Largest body accepted: an incident is a title and a few sentences.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// The one answer to every authentication failure (unknown webhook, removed team, stale or missing
    /// timestamp, wrong signature, replay), so the answer does not tell which; the log does.
    /// </summary>
    public const string NotAuthorised =
        "Not authorised: the webhook URL, the X-TrustBot-Timestamp header (Unix seconds, within 5 minutes of now) " +
        "or the X-TrustBot-Signature header is wrong, or this exact request was sent before.";

    private const string RoutePrefix = "/api/incidents/";

    /// <summary>The path of a webhook's URL.</summary>
    public static string PathFor(string webhookId) => RoutePrefix + webhookId;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapIncidentWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(RoutePrefix + "{webhookId}", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        string webhookId,
        HttpContext http,
        IIncidentWebhookStore webhooks,
        ITeamStore teams,
        IncidentWebhookSignature signatures,
        IncidentService incidents,
        TimeProvider clock,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(IncidentWebhookEndpoint));
        var cancellationToken = http.RequestAborted;
        var request = http.Request;

        // The team is checked as well as the webhook: its data may be part-way through deletion.
        if (!IncidentWebhookSignature.IsWellFormedWebhookId(webhookId)
            || await webhooks.FindAsync(webhookId, cancellationToken).ConfigureAwait(false) is not { } webhook
            || await teams.GetTeamAsync(webhook.TeamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            // Only a well-formed id is logged: anything else is text a stranger chose.
            return Unauthorised(logger, IncidentWebhookSignature.IsWellFormedWebhookId(webhookId) ? webhookId : "(malformed)", "unknown webhook or team");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Refused(logger, StatusCodes.Status413PayloadTooLarge, webhookId, "body larger than 64 KiB (Content-Length)", "The body is larger than 64 KiB.");
        }

        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        switch (body)
        {
            case null:
                return Refused(logger, StatusCodes.Status400BadRequest, webhookId, "body could not be read", "The body could not be read.");
            case { Length: > MaxBodyBytes }:
                return Refused(logger, StatusCodes.Status413PayloadTooLarge, webhookId, "body larger than 64 KiB", "The body is larger than 64 KiB.");
        }

        var now = clock.GetUtcNow();
        var timestamp = request.Headers[IncidentWebhookSignature.TimestampHeader].ToString();
        if (IncidentWebhookSignature.ReadTimestamp(timestamp) is not { } signedAt)
        {
            return Unauthorised(logger, webhookId, "missing or malformed timestamp");
        }

        if (!IncidentWebhookSignature.IsWithinWindow(signedAt, now))
        {
            return Unauthorised(logger, webhookId, "timestamp outside the 5-minute window");
        }

        var secret = signatures.SecretFor(webhook.WebhookId, webhook.Version);
        if (IncidentWebhookSignature.ReadSignature(request.Headers[IncidentWebhookSignature.SignatureHeader].ToString()) is not { } signature
            || !IncidentWebhookSignature.Verifies(secret, timestamp, body.Value.Span, signature))
        {
            return Unauthorised(logger, webhookId, "missing or wrong signature");
        }

        // Recorded before anything else is written, so two copies arriving at once cannot both get through.
        if (!await webhooks.TryRecordSignatureAsync(webhookId, Convert.ToHexStringLower(signature), now, cancellationToken).ConfigureAwait(false))
        {
            return Unauthorised(logger, webhookId, "replayed signature");
        }

        var (draft, problems) = IncidentWebhookPayload.Read(body.Value, now);
        if (draft is null)
        {
            return Invalid(logger, webhookId, problems);
        }

        var declared = await incidents.DeclareAsync(team, draft, IncidentSource.Webhook, null, null, cancellationToken).ConfigureAwait(false);
        if (declared.Incident is not { } incident)
        {
            return Invalid(logger, webhookId, declared.Problems);
        }

        // The same incident sent again (same externalId) is answered with the one already stored.
        Log.Declared(logger, webhookId, incident.Id, team.Id, declared.AlreadyDeclared);
        return Results.Json(new { incidentId = incident.Id }, statusCode: declared.AlreadyDeclared ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
    }

    // Reads at most one byte more than allowed, so a body that is too long is known without reading it all.
    // Null when the client stopped sending or sent something the server could not read as a body.
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        try
        {
            int read;
            while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }
        catch (BadHttpRequestException)
        {
            return null;
        }

        return buffer.AsMemory(0, length);
    }

    private static IResult Unauthorised(ILogger logger, string webhookId, string reason) =>
        Refused(logger, StatusCodes.Status401Unauthorized, webhookId, reason, NotAuthorised);

    private static IResult Invalid(ILogger logger, string webhookId, IReadOnlyList<string> problems)
    {
        Log.Refused(logger, StatusCodes.Status400BadRequest, webhookId, $"invalid incident ({problems.Count} problems)");
        return Results.Json(
            new { error = "The incident was not accepted: " + string.Join(' ', problems), problems },
            statusCode: StatusCodes.Status400BadRequest);
    }

    private static IResult Refused(ILogger logger, int status, string webhookId, string reason, string error)
    {
        Log.Refused(logger, status, webhookId, reason);
        return Results.Json(new { error }, statusCode: status);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Incident webhook request refused with {Status}: webhook {WebhookId}, {Reason}")]
        public static partial void Refused(ILogger logger, int status, string webhookId, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "Incident webhook {WebhookId} reported incident {IncidentId} for team {TeamId} (sent before: {AlreadyDeclared})")]
        public static partial void Declared(ILogger logger, string webhookId, string incidentId, string teamId, bool alreadyDeclared);
    }
}
