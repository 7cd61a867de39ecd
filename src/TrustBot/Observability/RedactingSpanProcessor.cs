using System.Diagnostics;
using OpenTelemetry;

namespace TrustBot.Observability;

/// <summary>
/// The one place spans are made safe to export: registered ahead of every exporter (Azure Monitor,
/// its Live Metrics, the console), it rewrites each span as it ends, before any exporter or
/// metric extractor reads it. Attributes not on <see cref="TelemetryRedaction"/>'s allowlist are
/// dropped, URLs and paths are templated, the status keeps its code but not its description (which
/// the Azure SDK fills with the exception, URL and all), and baggage and trace state a caller sent
/// are cleared.
/// </summary>
/// <remarks>
/// Span events and links cannot be removed from an <see cref="Activity"/>; none of the
/// instrumentation TrustBot uses records them by default (exception recording is off), and the
/// telemetry test fails if one ever carries an identity.
/// </remarks>
public sealed class RedactingSpanProcessor : BaseProcessor<Activity>
{
    /// <inheritdoc />
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var (key, value) in data.TagObjects.ToList())
        {
            var safe = TelemetryRedaction.SpanTag(key, value);
            if (!Equals(safe, value))
            {
                // A null value removes the tag.
                data.SetTag(key, safe);
            }
        }

        if (data.DisplayName.Contains('/', StringComparison.Ordinal))
        {
            data.DisplayName = string.Join(' ', data.DisplayName.Split(' ').Select(part => part.Contains('/', StringComparison.Ordinal) ? TelemetryRedaction.Url(part) : part));
        }

        if (data.StatusDescription is not null)
        {
            data.SetStatus(data.Status, data.GetTagItem("error.type") as string);
        }

        foreach (var (key, _) in data.Baggage.ToList())
        {
            data.SetBaggage(key, null);
        }

        data.TraceStateString = null;
    }
}
