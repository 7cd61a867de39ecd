using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace TrustBot.Testing;

/// <summary>
/// A stand-in for the Teams Bot Connector (Bot Framework REST API v3) on 127.0.0.1, for integration
/// tests and benchmarks. It creates personal conversations (the same id for the same member every
/// time, as Teams does), records every activity it accepts, serves rosters page by page, and fails
/// on demand: members who blocked the bot (403/404), the next N sends (429 with Retry-After, 500,
/// or accepted and then answered 504 as a timed-out gateway does),
/// and a global rate limit (429 above it). A failed request is never recorded as delivered, except
/// one that <see cref="AcceptThenFailNext"/> accepts on purpose.
/// </summary>
/// <remarks>
/// Routes, under any path prefix of <see cref="ServiceUrl"/>: <c>POST v3/conversations</c> (create),
/// <c>POST v3/conversations/{id}/activities</c> (send), <c>POST …/activities/{activityId}</c> (reply),
/// <c>PUT …/activities/{activityId}</c> (update), <c>GET v3/conversations/{id}/pagedmembers</c> and
/// <c>GET v3/conversations/{id}/members/{memberId}</c>. Authorization headers are ignored.
/// "Send requests" — the ones <see cref="FailNext"/> and <see cref="Throttle"/> act on — are sends,
/// replies and updates; creating a conversation is refused only for a refused member.
/// </remarks>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private const string PersonalConversationPrefix = "a:personal-";
    private const string ContinuationPrefix = "fake-page-from-";

    // Teams serves at most 500 members a page; asked for no size, it picks one itself.
    private const int LargestPageSize = 500;
    private const int DefaultPageSize = 200;

    private readonly WebApplication _app;
    private readonly FakeConnectorOptions _options;
    private readonly Lock _lock = new();
    private readonly List<ReceivedActivity> _received = [];
    private readonly List<ReceivedActivity> _updates = [];
    private readonly Dictionary<string, int> _deliveriesByMember = new(StringComparer.Ordinal);
    private readonly Queue<ScheduledFault> _scheduledFaults = new();
    private readonly List<string> _unexpected = [];
    private readonly ConcurrentDictionary<string, int> _refusedMembers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<FakeMember>> _rosters = new(StringComparer.Ordinal);
    private readonly Lock _waitersLock = new();
    private readonly List<Waiter> _waiters = [];
    private TokenBucket? _rateLimit;
    private long _lastActivityId;
    private int _conversationsCreated;
    private int _refused;
    private int _throttled;
    private int _serverErrors;
    private long _inFlight;
    private long _peakConcurrentRequests;

    private FakeBotConnector(WebApplication app, FakeConnectorOptions options)
    {
        _app = app;
        _options = options;
        Throttle(options.MessagesPerSecond);
    }

    /// <summary>The base URL to give the bot as a conversation's service URL: <c>http://127.0.0.1:PORT/</c>.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Every activity sent or replied that the fake accepted, in the order it accepted them (a snapshot).</summary>
    public IReadOnlyList<ReceivedActivity> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Every activity update the fake accepted; <see cref="ReceivedActivity.ActivityId"/> is the activity updated (a snapshot).</summary>
    public IReadOnlyList<ReceivedActivity> Updates
    {
        get
        {
            lock (_lock)
            {
                return [.. _updates];
            }
        }
    }

    /// <summary>Personal conversations created (a member's second creation, which gets the same id, counts again).</summary>
    public int ConversationsCreated => Volatile.Read(ref _conversationsCreated);

    /// <summary>Requests refused with 403/404 (a refused member, or <see cref="FailNext"/> with a 4xx other than 429).</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Requests answered 429, by <see cref="Throttle"/> or <see cref="FailNext"/>.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Requests answered 5xx by <see cref="FailNext"/>.</summary>
    public int ServerErrors => Volatile.Read(ref _serverErrors);

    /// <summary>The most requests the fake was handling at the same moment.</summary>
    public long PeakConcurrentRequests => Interlocked.Read(ref _peakConcurrentRequests);

    private int DeliveryCount
    {
        get
        {
            lock (_lock)
            {
                return _received.Count;
            }
        }
    }

    /// <summary>Starts a fake connector on a loopback port.</summary>
    public static async Task<FakeBotConnector> StartAsync(FakeConnectorOptions? options = null)
    {
        options ??= new FakeConnectorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        // The test's directory and environment are the bot's (appsettings.json, ASPNETCORE_*): none of it is for the fake.
        builder.Configuration.Sources.Clear();
        // Tests read the fake through its API; its logs would only bury their output.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var connector = new FakeBotConnector(app, options);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        connector.ServiceUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{new Uri(address).Port}/");
        return connector;
    }

    /// <summary>Serves <paramref name="members"/> as the roster of <paramref name="conversationId"/> (a team's or group chat's conversation id), replacing any before.</summary>
    public void SetRoster(string conversationId, IReadOnlyList<FakeMember> members) => _rosters[conversationId] = [.. members];

    /// <summary>How many activities reached <paramref name="userId"/>'s personal conversation.</summary>
    public int DeliveredTo(string userId)
    {
        lock (_lock)
        {
            return _deliveriesByMember.GetValueOrDefault(userId);
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> activities were received; throws <see cref="TimeoutException"/>, saying what was received, after <paramref name="timeout"/>.</summary>
    public Task WaitForDeliveriesAsync(int count, TimeSpan timeout) =>
        WaitAsync(connector => connector.DeliveryCount >= count, timeout, string.Create(CultureInfo.InvariantCulture, $"{count} deliveries"));

    /// <summary>Completes once <paramref name="condition"/> holds, checked now and after every request the fake handles; throws <see cref="TimeoutException"/>, saying what was received, after <paramref name="timeout"/>.</summary>
    public Task WaitUntilAsync(Func<FakeBotConnector, bool> condition, TimeSpan timeout) => WaitAsync(condition, timeout, "the condition");

    /// <summary>From now on, sends to <paramref name="userId"/> and creating a conversation with them are answered <paramref name="statusCode"/> (403: blocked the bot; 404: gone).</summary>
    public void RefuseMember(string userId, int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, StatusCodes.Status400BadRequest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 499);
        _refusedMembers[userId] = statusCode;
    }

    /// <summary>
    /// The next <paramref name="count"/> send requests (after any failures already scheduled) are
    /// answered <paramref name="statusCode"/>, with a Retry-After header of <paramref name="retryAfter"/>
    /// rounded up to whole seconds when given.
    /// </summary>
    public void FailNext(int count, int statusCode, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, StatusCodes.Status400BadRequest);
        Schedule(count, new ScheduledFault(statusCode, retryAfter));
    }

    /// <summary>
    /// The next <paramref name="count"/> send requests (after any failures already scheduled) are
    /// accepted — the member sees the message — and then answered <paramref name="statusCode"/>, as
    /// Teams does when its gateway times out after the message went through (504).
    /// </summary>
    public void AcceptThenFailNext(int count, int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, StatusCodes.Status400BadRequest);
        Schedule(count, new ScheduledFault(statusCode, null, AfterAccepting: true));
    }

    private void Schedule(int count, ScheduledFault fault)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _scheduledFaults.Enqueue(fault);
            }
        }
    }

    /// <summary>
    /// Limits send requests to <paramref name="messagesPerSecond"/> across all conversations: a
    /// burst of up to one second's worth passes, then requests above the rate are answered 429 with
    /// Retry-After: 1. Null lifts the limit.
    /// </summary>
    public void Throttle(double? messagesPerSecond) =>
        Volatile.Write(ref _rateLimit, messagesPerSecond is { } rate ? new TokenBucket(rate, _options.Clock) : null);

    /// <summary>What the fake received and refused, for failure messages.</summary>
    public override string ToString()
    {
        lock (_lock)
        {
            var description = new StringBuilder();
            description.Append(CultureInfo.InvariantCulture,
                $"The fake connector received {_received.Count} activities for {_deliveriesByMember.Count} members " +
                $"({_deliveriesByMember.Count(member => member.Value > 1)} of them more than once) and {_updates.Count} updates; " +
                $"it created {ConversationsCreated} conversations and answered {Refused} refusals, {Throttled} × 429 and {ServerErrors} × 5xx.");
            foreach (var activity in _received.TakeLast(5))
            {
                description.Append(CultureInfo.InvariantCulture, $"\n  received {activity.Activity.Value<string>("type")} in {activity.ConversationId}: {activity.Text ?? activity.CardText()}");
            }

            foreach (var problem in _unexpected.Take(10))
            {
                description.Append("\n  unexpected: ").Append(problem);
            }

            return description.ToString();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        NoteConcurrency(Interlocked.Increment(ref _inFlight));
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        try
        {
            if (_options.Latency > TimeSpan.Zero)
            {
                await Task.Delay(_options.Latency, context.RequestAborted);
            }

            var request = ConnectorRequest.Parse(context.Request.Method, target);
            var reply = await AnswerAsync(request, context.Request);
            if (request.Operation == ConnectorOperation.Unknown)
            {
                Note($"{context.Request.Method} {target} is no Bot Connector operation the fake serves.");
            }

            await reply.WriteAsync(context.Response);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in the fake must show in the test's failure message, not look like an injected 500.
            Note($"{context.Request.Method} {target} failed in the fake: {exception}");
            if (!context.Response.HasStarted)
            {
                await ConnectorReply.Error(StatusCodes.Status500InternalServerError, "The fake connector failed: " + exception.Message).WriteAsync(context.Response);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            SignalWaiters();
        }
    }

    private async Task<ConnectorReply> AnswerAsync(ConnectorRequest request, HttpRequest http) => request.Operation switch
    {
        ConnectorOperation.CreateConversation => CreateConversation(await ReadJsonAsync(http)),
        ConnectorOperation.SendToConversation or ConnectorOperation.ReplyToActivity or ConnectorOperation.UpdateActivity =>
            AcceptActivity(request, await ReadJsonAsync(http)),
        ConnectorOperation.GetPagedMembers => PagedMembers(request.ConversationId, http.Query),
        ConnectorOperation.GetMember => Member(request.ConversationId, request.ItemId),
        _ => ConnectorReply.NotFound("The fake connector does not serve this operation."),
    };

    private ConnectorReply CreateConversation(JObject? parameters)
    {
        if (parameters?["members"] is not JArray { Count: 1 } members || members[0].Value<string>("id") is not { Length: > 0 } memberId)
        {
            return ConnectorReply.BadRequest("The fake creates personal conversations only: give exactly one member, with an id.");
        }

        if (parameters["activity"] is JObject)
        {
            return ConnectorReply.BadRequest("The fake sends no activity with a new conversation: send it to the conversation afterwards.");
        }

        if (RefusalFor(memberId) is { } refusal)
        {
            return refusal;
        }

        Interlocked.Increment(ref _conversationsCreated);
        return ConnectorReply.Created(new JObject { ["id"] = PersonalConversationPrefix + memberId });
    }

    private ConnectorReply AcceptActivity(ConnectorRequest request, JObject? activity)
    {
        if (activity is null)
        {
            return ConnectorReply.BadRequest("The body is not an activity (a JSON object).");
        }

        var recipient = request.ConversationId.StartsWith(PersonalConversationPrefix, StringComparison.Ordinal)
            ? request.ConversationId[PersonalConversationPrefix.Length..]
            : null;
        var afterAccepting = AcceptingFault();
        if ((RefusalFor(recipient) ?? (afterAccepting is null ? TransientFault() : null)) is { } fault)
        {
            return fault;
        }

        var isUpdate = request.Operation == ConnectorOperation.UpdateActivity;
        var activityId = isUpdate ? request.ItemId : Interlocked.Increment(ref _lastActivityId).ToString(CultureInfo.InvariantCulture);
        var accepted = new ReceivedActivity(request.ConversationId, recipient, activity, _options.Clock.GetUtcNow()) { ActivityId = activityId };
        lock (_lock)
        {
            if (isUpdate)
            {
                _updates.Add(accepted);
            }
            else
            {
                _received.Add(accepted);
                if (recipient is not null)
                {
                    _deliveriesByMember[recipient] = _deliveriesByMember.GetValueOrDefault(recipient) + 1;
                }
            }
        }

        if (afterAccepting is not null)
        {
            return Served(ConnectorReply.Error(afterAccepting.StatusCode));
        }

        var body = new JObject { ["id"] = activityId };
        return isUpdate ? ConnectorReply.Ok(body) : ConnectorReply.Created(body);
    }

    // The next scheduled fault when it is one that accepts the send first; left in place otherwise.
    private ScheduledFault? AcceptingFault()
    {
        lock (_lock)
        {
            return _scheduledFaults.TryPeek(out var next) && next.AfterAccepting ? _scheduledFaults.Dequeue() : null;
        }
    }

    private ConnectorReply PagedMembers(string conversationId, IQueryCollection query)
    {
        if (!_rosters.TryGetValue(conversationId, out var roster))
        {
            return ConnectorReply.NotFound($"The fake has no roster for {conversationId}: call SetRoster first.");
        }

        var pageSize = int.TryParse(query["pageSize"], CultureInfo.InvariantCulture, out var asked)
            ? Math.Clamp(asked, 1, LargestPageSize)
            : DefaultPageSize;
        var start = 0;
        string? token = query["continuationToken"];
        if (!string.IsNullOrEmpty(token)
            && !(token.StartsWith(ContinuationPrefix, StringComparison.Ordinal)
                 && int.TryParse(token[ContinuationPrefix.Length..], CultureInfo.InvariantCulture, out start)))
        {
            return ConnectorReply.BadRequest($"Unknown continuation token {token}.");
        }

        var next = start + pageSize < roster.Count ? ContinuationPrefix + (start + pageSize).ToString(CultureInfo.InvariantCulture) : null;
        return ConnectorReply.Ok(new JObject
        {
            ["continuationToken"] = next,
            ["members"] = new JArray(roster.Skip(start).Take(pageSize).Select(member => member.ToJson(_options.TenantId))),
        });
    }

    private ConnectorReply Member(string conversationId, string memberId)
    {
        // Teams finds a member by Teams user id or by Entra object id.
        var member = _rosters.GetValueOrDefault(conversationId)?.FirstOrDefault(m => m.UserId == memberId || m.AadObjectId == memberId);
        return member is null
            ? ConnectorReply.NotFound($"{memberId} is not in the fake's roster for {conversationId}.")
            : ConnectorReply.Ok(member.ToJson(_options.TenantId));
    }

    private ConnectorReply? RefusalFor(string? memberUserId) =>
        memberUserId is not null && _refusedMembers.TryGetValue(memberUserId, out var statusCode)
            ? Served(ConnectorReply.Error(statusCode))
            : null;

    private ConnectorReply? TransientFault()
    {
        lock (_lock)
        {
            if (_scheduledFaults.TryDequeue(out var fault))
            {
                return Served(ConnectorReply.Error(fault.StatusCode, retryAfter: fault.RetryAfter));
            }
        }

        return Volatile.Read(ref _rateLimit) is { } rateLimit && !rateLimit.TryTake()
            ? Served(ConnectorReply.Error(StatusCodes.Status429TooManyRequests, "Above the fake connector's rate limit.", TimeSpan.FromSeconds(1)))
            : null;
    }

    private ConnectorReply Served(ConnectorReply fault)
    {
        switch (fault.StatusCode)
        {
            case StatusCodes.Status429TooManyRequests:
                Interlocked.Increment(ref _throttled);
                break;
            case >= StatusCodes.Status500InternalServerError:
                Interlocked.Increment(ref _serverErrors);
                break;
            default:
                Interlocked.Increment(ref _refused);
                break;
        }

        return fault;
    }

    private static async Task<JObject?> ReadJsonAsync(HttpRequest http)
    {
        using var reader = new StreamReader(http.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        try
        {
            return JToken.Parse(body) as JObject;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    private void NoteConcurrency(long inFlight)
    {
        var peak = Interlocked.Read(ref _peakConcurrentRequests);
        while (inFlight > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakConcurrentRequests, inFlight, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }

    private void Note(string problem)
    {
        lock (_lock)
        {
            _unexpected.Add(problem);
        }
    }

    private async Task WaitAsync(Func<FakeBotConnector, bool> condition, TimeSpan timeout, string awaited)
    {
        var waiter = new Waiter(condition);
        lock (_waitersLock)
        {
            _waiters.Add(waiter);
        }

        try
        {
            waiter.Check(this);
            await waiter.Satisfied.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Waited {timeout.TotalSeconds:0.#}s for {awaited}. {this}"));
        }
        finally
        {
            lock (_waitersLock)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    private void SignalWaiters()
    {
        Waiter[] waiting;
        lock (_waitersLock)
        {
            waiting = [.. _waiters];
        }

        foreach (var waiter in waiting)
        {
            waiter.Check(this);
        }
    }

    private sealed record ScheduledFault(int StatusCode, TimeSpan? RetryAfter, bool AfterAccepting = false);

    private sealed class Waiter(Func<FakeBotConnector, bool> condition)
    {
        public TaskCompletionSource Satisfied { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Check(FakeBotConnector connector)
        {
            if (Satisfied.Task.IsCompleted)
            {
                return;
            }

            try
            {
                if (condition(connector))
                {
                    Satisfied.TrySetResult();
                }
            }
            catch (Exception exception)
            {
                // A condition that throws fails the wait with its exception rather than the request being served.
                Satisfied.TrySetException(exception);
            }
        }
    }
}
