using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace TrustBot.Bot;

/// <summary>
/// <c>POST /api/messages</c>: checks that the body is an activity before handing it to the
/// adapter, so malformed requests get a 400 that says what is wrong instead of failing
/// somewhere inside the SDK. The adapter then checks the token (401 without a valid one outside
/// Development) and <see cref="BotAccessOptions"/> (400 for another channel, 403 for a tenant not
/// served) before any turn runs.
/// </summary>
public static class MessagesEndpoint
{
    /// <summary>Largest activity accepted. Teams activities, card submits included, are a few KiB.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot)
    {
        var sizeLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
        {
            sizeLimit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            await Results.Problem("The activity is larger than 256 KiB.", statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(http);
            return;
        }

        http.Request.EnableBuffering(MaxBodyBytes);
        var problem = await FindProblemAsync(http.Request);
        if (problem is not null)
        {
            await Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            return;
        }

        http.Request.Body.Position = 0;
        try
        {
            await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
        }
        catch (ActivityRefusedException refused)
        {
            // Thrown by the authentication, before the turn: nothing was written to the response yet.
            await Results.Problem(refused.Message, statusCode: refused.Status).ExecuteAsync(http);
        }
    }

    private static async Task<string?> FindProblemAsync(HttpRequest request)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return "The body is not JSON.";
        }
        catch (BadHttpRequestException)
        {
            return "The body could not be read.";
        }

        using (document)
        {
            var root = document.RootElement;
            if (!JsonText.IsUnicode(root))
            {
                return JsonText.NotUnicode;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return "The body is not a Bot Framework activity (expected a JSON object).";
            }

            if (!HasString(root, "type"))
            {
                return "The activity has no type.";
            }

            if (!root.TryGetProperty("conversation", out var conversation) || conversation.ValueKind != JsonValueKind.Object || !HasString(conversation, "id"))
            {
                return "The activity has no conversation id.";
            }

            if (!HasString(root, "serviceUrl") || !Uri.TryCreate(root.GetProperty("serviceUrl").GetString(), UriKind.Absolute, out _))
            {
                return "The activity has no absolute serviceUrl.";
            }

            return null;
        }
    }

    private static bool HasString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());
}
