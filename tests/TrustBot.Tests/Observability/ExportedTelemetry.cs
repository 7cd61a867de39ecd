using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TrustBot.Tests.Observability;

/// <summary>
/// In-memory exporters added after the host's own telemetry registration, as a second exporter
/// would be: they receive exactly what Application Insights or the console would. Everything they
/// got can be read back as lines of text, one per piece of data an exporter could send.
/// </summary>
public sealed class ExportedTelemetry
{
    private readonly List<Activity> _spans = [];
    private readonly List<LogRecord> _logs = [];
    private readonly List<MetricSnapshot> _metrics = [];

    /// <summary>Adds the in-memory exporters to the host's tracer, meter and logger providers.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(_logs));
    }

    /// <summary>The spans exported so far.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>The log records exported so far.</summary>
    public IReadOnlyList<LogRecord> Logs
    {
        get
        {
            lock (_logs)
            {
                return [.. _logs];
            }
        }
    }

    /// <summary>The metrics exported so far (after <see cref="Flush"/>).</summary>
    public IReadOnlyList<MetricSnapshot> Metrics
    {
        get
        {
            lock (_metrics)
            {
                return [.. _metrics];
            }
        }
    }

    /// <summary>
    /// Makes every provider export what it holds now and checks that every exporter took it:
    /// spans and logs are otherwise batched for seconds and metrics read once a minute. The only
    /// reliable moment is this one, before the host stops: since Azure.Monitor.OpenTelemetry.Exporter
    /// 1.9, stopping a provider no longer sends its last batch but writes it to offline storage and
    /// waits at most two seconds for a background upload, so disposing the host is not a flush.
    /// </summary>
    public static void Flush(IServiceProvider services)
    {
        // Generous: a flush that has not finished by then is hung, not slow.
        var timeout = (int)TimeSpan.FromMinutes(1).TotalMilliseconds;
        services.GetRequiredService<TracerProvider>().ForceFlush(timeout).Should().BeTrue("every span exporter sends what it holds");
        services.GetRequiredService<MeterProvider>().ForceFlush(timeout).Should().BeTrue("every metric exporter sends what it holds");
        services.GetRequiredService<LoggerProvider>().ForceFlush(timeout).Should().BeTrue("every log exporter sends what it holds");
    }

    /// <summary>Every piece of exported data as text, each line saying where it came from.</summary>
    public IEnumerable<string> Everything(IServiceProvider services)
    {
        foreach (var attribute in services.GetRequiredService<TracerProvider>().GetResource().Attributes)
        {
            yield return $"resource {attribute.Key}={attribute.Value}";
        }

        foreach (var span in Spans)
        {
            foreach (var line in Describe(span))
            {
                yield return line;
            }
        }

        foreach (var log in Logs)
        {
            foreach (var line in Describe(log))
            {
                yield return line;
            }
        }

        foreach (var metric in Metrics)
        {
            foreach (var line in Describe(metric))
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> Describe(Activity span)
    {
        var at = $"span '{span.DisplayName}' ({span.Source.Name})";
        yield return $"{at} name={span.DisplayName} operation={span.OperationName} status={span.Status} {span.StatusDescription} tracestate={span.TraceStateString}";
        foreach (var tag in span.TagObjects)
        {
            yield return $"{at} tag {tag.Key}={Text(tag.Value)}";
        }

        foreach (var item in span.Baggage)
        {
            yield return $"{at} baggage {item.Key}={item.Value}";
        }

        foreach (var spanEvent in span.Events)
        {
            yield return $"{at} event {spanEvent.Name}";
            foreach (var tag in spanEvent.Tags)
            {
                yield return $"{at} event {spanEvent.Name} {tag.Key}={Text(tag.Value)}";
            }
        }

        foreach (var link in span.Links)
        {
            yield return $"{at} link {link.Context.TraceState}";
            foreach (var tag in link.Tags ?? [])
            {
                yield return $"{at} link {tag.Key}={Text(tag.Value)}";
            }
        }
    }

    private static IEnumerable<string> Describe(LogRecord log)
    {
        var at = $"log '{log.CategoryName}' {log.EventId}";
        yield return $"{at} message={log.FormattedMessage} body={log.Body}";
        foreach (var attribute in log.Attributes ?? [])
        {
            yield return $"{at} attribute {attribute.Key}={Text(attribute.Value)}";
        }

        if (log.Exception is { } exception)
        {
            yield return $"{at} exception {exception}";
        }

        var scopes = new List<string>();
        log.ForEachScope((scope, lines) =>
        {
            foreach (var item in scope)
            {
                lines.Add($"{at} scope {item.Key}={Text(item.Value)}");
            }
        }, scopes);
        foreach (var scope in scopes)
        {
            yield return scope;
        }
    }

    private static IEnumerable<string> Describe(MetricSnapshot metric)
    {
        var at = $"metric '{metric.Name}' ({metric.MeterName})";
        yield return $"{at} description={metric.Description} unit={metric.Unit}";
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                yield return $"{at} tag {tag.Key}={Text(tag.Value)}";
            }
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        string s => s,
        System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>().Select(Text)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
