using Microsoft.Bot.Schema;

namespace TrustBot.Bot;

/// <summary>Reads the HTTP answer the Bot Connector failed with, so the throttle can back off without knowing the SDK's exception types.</summary>
public static class ConnectorErrors
{
    /// <summary>The HTTP status of a Bot Connector error response; null when the exception is not one.</summary>
    public static int? StatusOf(Exception exception) =>
        exception is ErrorResponseException { Response: { } response } ? (int)response.StatusCode : null;

    /// <summary>The response headers of a Bot Connector error response; null when the exception is not one.</summary>
    public static IDictionary<string, IEnumerable<string>>? HeadersOf(Exception exception) =>
        exception is ErrorResponseException { Response: { } response } ? response.Headers : null;
}
