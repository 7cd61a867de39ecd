using System.Globalization;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace TrustBot.Testing;

/// <summary>What the fake answers: a status, a JSON body and, for throttling, a Retry-After.</summary>
internal sealed record ConnectorReply(int StatusCode, JToken Body, TimeSpan? RetryAfter = null)
{
    public static ConnectorReply Ok(JToken body) => new(StatusCodes.Status200OK, body);

    public static ConnectorReply Created(JToken body) => new(StatusCodes.Status201Created, body);

    public static ConnectorReply BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    public static ConnectorReply NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    /// <summary>An error in the Bot Connector's shape, <c>{"error":{"code","message"}}</c>, which the SDK reads into ErrorResponseException.Body.</summary>
    public static ConnectorReply Error(int statusCode, string? message = null, TimeSpan? retryAfter = null)
    {
        var (code, defaultMessage) = statusCode switch
        {
            StatusCodes.Status400BadRequest => ("BadArgument", "Bad request."),
            StatusCodes.Status403Forbidden => ("ConversationBlockedByUser", "User blocked the conversation with the bot."),
            StatusCodes.Status404NotFound => ("ConversationNotFound", "Conversation not found."),
            StatusCodes.Status429TooManyRequests => ("Throttled", "Too many requests."),
            _ => ("ServiceError", "The fake connector was told to fail."),
        };
        var body = new JObject { ["error"] = new JObject { ["code"] = code, ["message"] = message ?? defaultMessage } };
        return new ConnectorReply(statusCode, body, retryAfter);
    }

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = StatusCode;
        if (RetryAfter is { } wait)
        {
            // Retry-After is whole seconds (HttpClient parses no fractions): round up.
            response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(Body.ToString(Formatting.None));
    }
}
