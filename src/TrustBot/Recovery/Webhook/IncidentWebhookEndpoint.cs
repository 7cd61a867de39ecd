using Microsoft.Extensions.Options;
using TrustBot.Bot;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;
using TrustBot.Recovery.Incidents;

namespace TrustBot.Recovery.Webhook;

/// <summary>
/// <c>POST /api/incidents/{webhookId}</c>: incident tools report incidents here, signed with their
/// team's webhook secret (see <see cref="IncidentWebhookSignature"/>). The signature is checked
/// before anything a stranger could learn from: a request for an unknown webhook (or one whose team
/// is gone or its tenant not served) does the same reads and the same signature check, against a
/// decoy secret, and gets the same 401 as a bad signature, whatever its body. Only for a known
/// webhook does a body over 64 KiB get 413, one that cannot be read 400, and, once the signature
/// holds, an invalid incident 400: each before the signature is spent, so the tool can correct the
/// request and send it again. Never more than 64 KiB and a byte of the body are read. Every refusal
/// is logged with its status, the webhook and the reason, never with the body or the signature.
/// </summary>
public static partial class IncidentWebhookEndpoint
{
    /// <summary>Largest body accepted: an incident is a title and a few sentences.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// The one answer to every authentication failure (unknown webhook, removed team, tenant not
    /// served, stale or missing timestamp, wrong signature, replay), so the answer does not tell
    /// which; the log does.
    /// </summary>
    public const string NotAuthorised =
        "Not authorised: the webhook URL, the X-TrustBot-Timestamp header (Unix seconds, within 5 minutes of now) " +
        "or the X-TrustBot-Signature header is wrong, or this exact request was sent before.";

    private const string RoutePrefix = "/api/incidents/";

    // Looked up in place of an id that is not one, so that it costs what a real look-up does; no
    // webhook has it (ids are 16 random bytes) and it is never accepted.
    private const string DecoyWebhookId = "AAAAAAAAAAAAAAAAAAAAAA";
    private const string NoTeamId = "(no team)";

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
        IOptions<BotAccessOptions> access,
        IncidentWebhookSignature signatures,
        IncidentWebhookReplays replays,
        IncidentService incidents,
        TimeProvider clock,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(IncidentWebhookEndpoint));
        var cancellationToken = http.RequestAborted;
        var request = http.Request;

        // Who: the same two reads of webhooks and one of teams whether or not the id is known. The team
        // is checked as well as the webhook: its data may be part-way through deletion.
        var wellFormed = IncidentWebhookSignature.IsWellFormedWebhookId(webhookId);
        var webhook = await webhooks.FindAsync(wellFormed ? webhookId : DecoyWebhookId, cancellationToken).ConfigureAwait(false);
        var team = await teams.GetTeamAsync(webhook?.TeamId ?? NoTeamId, cancellationToken).ConfigureAwait(false);
        var unknown = !wellFormed || webhook is null || team is null
            ? "unknown webhook or team"
            : !access.Value.Serves(team.TenantId) ? "team's tenant not served (Bot:AllowedTenants)" : null;

        // What: the body, never more than allowed and a byte.
        var tooLarge = request.ContentLength > MaxBodyBytes;
        var body = tooLarge ? (ReadOnlyMemory<byte>?)ReadOnlyMemory<byte>.Empty : await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        tooLarge |= body is { Length: > MaxBodyBytes };

        // The signature, against the webhook's secret or, for an unknown one, a decoy nobody has.
        var now = clock.GetUtcNow();
        var timestamp = request.Headers[IncidentWebhookSignature.TimestampHeader].ToString();
        var signature = IncidentWebhookSignature.ReadSignature(request.Headers[IncidentWebhookSignature.SignatureHeader].ToString());
        var secret = unknown is null ? signatures.SecretFor(webhook!.WebhookId, webhook.Version) : signatures.DecoySecretFor(webhookId);
        var verified = signature is not null && IncidentWebhookSignature.Verifies(secret, timestamp, (body ?? ReadOnlyMemory<byte>.Empty).Span, signature);

        // Only a well-formed id is logged: anything else is text a stranger chose.
        var logged = wellFormed ? webhookId : "(malformed)";
        if (unknown is not null)
        {
            return Unauthorised(logger, logged, unknown);
        }

        if (tooLarge)
        {
            return Refused(logger, StatusCodes.Status413PayloadTooLarge, webhookId, "body larger than 64 KiB", "The body is larger than 64 KiB.");
        }

        if (body is not { } read)
        {
            return Refused(logger, StatusCodes.Status400BadRequest, webhookId, "body could not be read", "The body could not be read.");
        }

        if (IncidentWebhookSignature.ReadTimestamp(timestamp) is not { } signedAt)
        {
            return Unauthorised(logger, webhookId, "missing or malformed timestamp");
        }

        if (!IncidentWebhookSignature.IsWithinWindow(signedAt, now))
        {
            return Unauthorised(logger, webhookId, "timestamp outside the 5-minute window");
        }

        if (!verified)
        {
            return Unauthorised(logger, webhookId, "missing or wrong signature");
        }

        // The incident is checked in full before the signature is spent: a refused request changes nothing.
        var (draft, problems) = IncidentWebhookPayload.Read(read, now);
        if (draft is not null)
        {
            problems = IncidentRules.Problems(draft, now);
        }

        if (draft is null || problems.Count > 0)
        {
            return Invalid(logger, webhookId, problems);
        }

        // Spent before anything is written, so two copies arriving at once cannot both get through.
        if (!await replays.TrySpendAsync(webhook!, signature!, signedAt, cancellationToken).ConfigureAwait(false))
        {
            return Unauthorised(logger, webhookId, "replayed signature");
        }

        var declared = await incidents.DeclareAsync(team!, draft, IncidentSource.Webhook, null, null, cancellationToken).ConfigureAwait(false);
        if (declared.Incident is not { } incident)
        {
            return Invalid(logger, webhookId, declared.Problems);
        }

        // The same incident sent again (same externalId) is answered with the one already stored.
        Log.Declared(logger, webhookId, incident.Id, team!.Id, declared.AlreadyDeclared);
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
