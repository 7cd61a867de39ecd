using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Activity = System.Diagnostics.Activity;
using BotActivity = Microsoft.Bot.Schema.Activity;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using TrustBot.Bot;
using TrustBot.Observability;

namespace TrustBot.Deployment.Tests.Observability;

/// <summary>Every turn gets a TrustBot span and turn metrics; what people wrote never does.</summary>
public sealed class TurnTelemetryTests : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly List<(string Name, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly ActivityListener _spanListener;
    private readonly MeterListener _meterListener = new();
    private readonly TurnTelemetry _telemetry = new();

    public TurnTelemetryTests()
    {
        _spanListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TurnTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span => { lock (_spans) { _spans.Add(span); } },
        };
        ActivitySource.AddActivityListener(_spanListener);

        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TurnTelemetry.SourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    [Fact]
    public async Task A_turn_gets_a_span_and_metrics_without_the_text_anyone_typed()
    {
        var adapter = new TestAdapter(Channels.Msteams).Use(_telemetry);

        await new TestFlow(adapter, (turn, ct) => turn.SendActivityAsync("hello", cancellationToken: ct))
            .Send("my secret answer")
            .AssertReply("hello")
            .StartTestAsync();

        var span = _spans.Should().ContainSingle().Subject;
        span.DisplayName.Should().Be("turn message");
        span.GetTagItem("trustbot.activity.type").Should().Be("message");
        span.GetTagItem("trustbot.conversation.scope").Should().Be("personal");
        span.GetTagItem("trustbot.channel").Should().Be(Channels.Msteams);
        span.TagObjects.Select(t => t.Value?.ToString()).Should().NotContain(v => v != null && v.Contains("secret", StringComparison.Ordinal));

        _measurements.Should().ContainSingle(m => m.Name == "trustbot.turns" && m.Value == 1 && (string?)m.Tags["outcome"] == "ok");
        _measurements.Should().ContainSingle(m => m.Name == "trustbot.turn.duration" && m.Value >= 0);
    }

    [Fact]
    public async Task A_failing_turn_is_recorded_as_an_error_and_still_fails()
    {
        var adapter = new TestAdapter(Channels.Msteams).Use(_telemetry);

        var run = () => new TestFlow(adapter, (_, _) => throw new InvalidOperationException("boom")).Send("help").StartTestAsync();

        await run.Should().ThrowAsync<InvalidOperationException>();
        _spans.Should().ContainSingle().Which.Status.Should().Be(ActivityStatusCode.Error);
        _measurements.Should().ContainSingle(m => m.Name == "trustbot.turns" && (string?)m.Tags["outcome"] == "error");
    }

    [Fact]
    public async Task Activity_types_a_client_makes_up_are_counted_as_other()
    {
        var adapter = new TestAdapter(Channels.Msteams).Use(_telemetry);

        await new TestFlow(adapter, (_, _) => Task.CompletedTask).Send(new BotActivity { Type = "made-up-" + Guid.NewGuid() }).StartTestAsync();

        _measurements.Should().ContainSingle(m => m.Name == "trustbot.turns" && (string?)m.Tags["activity.type"] == "other");
    }

    [Fact]
    public void Tracing_is_registered_only_when_there_is_somewhere_to_send_it()
    {
        var local = WebApplication.CreateBuilder();
        local.AddTrustBotTelemetry();
        local.Services.Should().NotContain(d => d.ServiceType == typeof(TracerProvider), "with no exporter nothing listens, so turns cost next to nothing");
        local.Services.Should().Contain(d => d.ServiceType == typeof(TurnTelemetry));

        var azure = WebApplication.CreateBuilder();
        azure.Configuration[TelemetryRegistration.ConnectionStringKey] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/";
        azure.AddTrustBotTelemetry();
        azure.Services.Should().Contain(d => d.ServiceType == typeof(TracerProvider));
    }

    public void Dispose()
    {
        _spanListener.Dispose();
        _meterListener.Dispose();
        _telemetry.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
        }
    }
}
