using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Rest;
using Polly;
using Polly.Retry;
using TrustBot.Bot;

namespace TrustBot.Delivery;

/// <summary>
/// Every call the bot makes to the Bot Connector on its own initiative goes through here: a rate
/// limiter that keeps it under Teams' limits, and a retry that waits out 429s and rides out 5xx.
/// </summary>
/// <remarks>
/// Teams' published limits (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
/// per bot per thread (one conversation), sending: 7 per 1 s, 8 per 2 s, 60 per 30 s, 1,800 per
/// 3,600 s; and globally 50 requests per second per app per tenant. The first three thread limits
/// and the tenant limit are enforced here; the hourly one is not modelled, since no conversation of
/// ours gets near 1,800 messages an hour. Microsoft says the figures may change and asks bots to
/// back off on 429 (exponentially, with jitter; honouring Retry-After) and to retry 412, 502 and
/// 504 as well — so a 429 is retried for as long as it takes and never drops the message. Limits
/// are per instance: with several instances, give each its share (<see cref="DeliveryOptions.MessagesPerSecondPerTenant"/>).
/// The tenant limit is a <see cref="SlidingWindowGate"/>: exact over every one-second window and
/// losing no rate to late timers. Waiting uses real time whatever clock the app runs on: it paces real I/O.
/// </remarks>
public sealed class TeamsThrottle : IDisposable
{
    private static readonly HashSet<int> Transient = [0, 408, 412, 500, 502, 503, 504];

    private static readonly (int Permits, TimeSpan Window, int Segments)[] ConversationLimits =
    [
        (7, TimeSpan.FromSeconds(1), 7),
        (8, TimeSpan.FromSeconds(2), 8),
        (60, TimeSpan.FromSeconds(30), 30),
    ];

    private readonly PartitionedRateLimiter<string> _conversations;
    private readonly ConcurrentDictionary<string, SlidingWindowGate> _tenants = new(StringComparer.Ordinal);
    private readonly Func<string, SlidingWindowGate> _newTenantGate;
    private readonly ResiliencePipeline _retry;

    /// <summary>Builds the limiter and retry from the delivery options, pacing in real time.</summary>
    public TeamsThrottle(IOptions<DeliveryOptions> options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>The same on <paramref name="pacing"/>: the tenant limit and the retries' waits (tests pass a fake).</summary>
    internal TeamsThrottle(IOptions<DeliveryOptions> options, TimeProvider pacing)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;

        // Conversation limits first: a permit of the tenant's budget is only spent when the message can go.
        _conversations = PartitionedRateLimiter.CreateChained(
        [
            .. ConversationLimits.Select(limit => PartitionedRateLimiter.Create<string, string>(conversationId =>
                RateLimitPartition.GetSlidingWindowLimiter(conversationId, _ => Window(limit.Permits, limit.Window, limit.Segments)))),
        ]);
        _newTenantGate = _ => new SlidingWindowGate(settings.MessagesPerSecondPerTenant, TimeSpan.FromSeconds(1), pacing);

        _retry = new ResiliencePipelineBuilder { TimeProvider = pacing }
            .AddRetry(new RetryStrategyOptions
            {
                // A 429 is retried indefinitely; other transient failures a few times.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception
                    && StatusOf(exception) is { } status
                    && (status == 429 || (Transient.Contains(status) && args.AttemptNumber < settings.TransientRetries))
                    && !args.Context.CancellationToken.IsCancellationRequested),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseBackoff,
                MaxDelay = TimeSpan.FromMinutes(1),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is { } exception ? RetryAfter(exception) : null),
            })
            .Build();
    }

    /// <summary>
    /// Makes one connector call within the limits, retrying as described. <paramref name="cancellationToken"/>
    /// stops the waiting; a request already on the wire is let finish, so whether Teams got it is known.
    /// </summary>
    /// <param name="tenantId">The tenant the call goes into.</param>
    /// <param name="conversationId">The conversation it posts to (the tenant's id for calls that post to none).</param>
    /// <param name="call">The call; it gets no cancellation token on purpose.</param>
    /// <param name="cancellationToken">Stops waiting for a permit or a retry.</param>
    public Task RunAsync(string tenantId, string conversationId, Func<Task> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tenant = _tenants.GetOrAdd(tenantId ?? string.Empty, _newTenantGate);
        return _retry.ExecuteAsync(
            async token =>
            {
                using var lease = await _conversations.AcquireAsync(conversationId ?? string.Empty, 1, token).ConfigureAwait(false);
                await tenant.WaitAsync(token).ConfigureAwait(false);
                // Not handed the token: once the permit is granted, the request goes and is let finish.
                await call().ConfigureAwait(false);
            },
            cancellationToken).AsTask();
    }

    /// <summary>The HTTP status a connector failure carries: 0 for network failures and timeouts, null for anything else.</summary>
    public static int? StatusOf(Exception exception) => exception switch
    {
        _ when ConnectorErrors.StatusOf(exception) is { } status => status,
        HttpOperationException { Response: { } response } => (int)response.StatusCode,
        HttpRequestException { StatusCode: { } status } => (int)status,
        HttpRequestException or TimeoutException or TaskCanceledException => 0,
        _ => null,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _conversations.Dispose();
        foreach (var gate in _tenants.Values)
        {
            gate.Dispose();
        }
    }

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window, int segments) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = segments,
        // Callers queue rather than fail: a fan-out waits its turn.
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };

    // Retry-After is either seconds or an HTTP date; without it, the exponential backoff applies.
    private static TimeSpan? RetryAfter(Exception exception)
    {
        var headers = exception switch
        {
            _ when ConnectorErrors.HeadersOf(exception) is { } connector => connector,
            HttpOperationException { Response: { } response } => response.Headers,
            _ => null,
        };
        if (headers is null || !headers.TryGetValue("Retry-After", out var values) || values.FirstOrDefault() is not { } value)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - DateTimeOffset.UtcNow).Ticks))
            : null;
    }
}
