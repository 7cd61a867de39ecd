using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace TrustBot.Bot;

/// <summary>
/// Bot Framework middleware that wraps every turn (incoming activities and proactive deliveries
/// alike) in a <c>TrustBot</c> span and records the <c>trustbot.turns</c> counter and the
/// <c>trustbot.turn.duration</c> histogram. It records what kind of turn it was and whether it
/// failed, never what anyone wrote: no text, no card values, no user ids.
/// </summary>
public sealed class TurnTelemetry : Microsoft.Bot.Builder.IMiddleware, IDisposable
{
    /// <summary>The name of TrustBot's activity source and meter.</summary>
    public const string SourceName = "TrustBot";

    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate,
        ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete, ActivityTypes.Event, ActivityTypes.Typing,
    };

    private readonly ActivitySource _source = new(SourceName);
    private readonly Meter _meter = new(SourceName);
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments.</summary>
    public TurnTelemetry()
    {
        _turns = _meter.CreateCounter<long>("trustbot.turns", unit: "{turn}", description: "Turns the bot ran, by activity type, scope and outcome.");
        _duration = _meter.CreateHistogram<double>("trustbot.turn.duration", unit: "s", description: "How long a turn took, storage and replies included.");
    }

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);

        var activity = turnContext.Activity;
        // Client-supplied strings are mapped to a short fixed list so metrics keep a bounded set of series.
        var type = activity?.Type is { } t && KnownTypes.Contains(t) ? t : "other";
        var scope = activity is null ? "unknown" : ConversationScopes.ScopeOf(activity).ToString().ToLowerInvariant();

        using var span = _source.StartActivity("turn " + type, ActivityKind.Internal);
        if (span is not null)
        {
            span.SetTag("trustbot.activity.type", type);
            span.SetTag("trustbot.conversation.scope", scope);
            span.SetTag("trustbot.channel", Bounded(activity?.ChannelId));
            span.SetTag("trustbot.activity.name", Bounded(activity?.Name));
            span.SetTag("trustbot.card.verb", Bounded(VerbOf(activity)));
        }

        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            outcome = "error";
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            var tags = new TagList { { "activity.type", type }, { "conversation.scope", scope }, { "outcome", outcome } };
            _turns.Add(1, tags);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _source.Dispose();
        _meter.Dispose();
    }

    // Action.Execute invokes carry the card verb (e.g. pulse.submit) in value.action.verb.
    private static string? VerbOf(Microsoft.Bot.Schema.Activity? activity) =>
        activity is { Type: ActivityTypes.Invoke, Value: JObject value } && value.SelectToken("action.verb") is JValue { Type: JTokenType.String } verb
            ? verb.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static string? Bounded(string? value) => value is { Length: > 64 } ? value[..64] : value;
}

/// <summary>Adds <see cref="TurnTelemetry"/> to the bot adapter's middleware when the host starts.</summary>
internal sealed class TurnTelemetryInstaller(IBotFrameworkHttpAdapter adapter, TurnTelemetry telemetry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (adapter is BotAdapter botAdapter)
        {
            botAdapter.Use(telemetry);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
