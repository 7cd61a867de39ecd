using System.Collections.Frozen;
using System.Text.RegularExpressions;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace TrustBot.Observability;

/// <summary>
/// The one place log records are made safe to export: registered ahead of every log exporter, it
/// withholds every value of a log message except numbers, flags, enums, times and the few named
/// values known to be fixed words (activity type, verb, reason, …), templates URLs and paths,
/// renders the message again from its template with what is left, and replaces an exception by
/// its type names and stack frames (attributes <c>exception.type</c> and <c>exception.stacktrace</c>):
/// exception messages quote request URLs, table keys and what people typed. What is left is still
/// searched for URLs and Teams- or GUID-shaped ids (<see cref="TelemetryRedaction.FreeText"/>),
/// because libraries interpolate ids into the message template itself.
/// </summary>
/// <remarks>
/// So <c>Team {TeamId} saved schedule revision {Revision}</c> is exported as
/// <c>Team [withheld] saved schedule revision 3</c>: how often, how many and how it failed stay
/// visible; which team, member or conversation does not.
/// </remarks>
public sealed partial class RedactingLogProcessor : BaseProcessor<LogRecord>
{
    private const string OriginalFormat = "{OriginalFormat}";

    // Values that are fixed words chosen by code, never by a person (ASP.NET Core and TrustBot's own).
    private static readonly FrozenSet<string> KeptValues = FrozenSet.ToFrozenSet(
    [
        "ActivityType", "ActivityName", "ChannelId", "Verb", "Reason", "Why", "Kind", "Cadence", "State", "Outcome", "Source",
        "Method", "HttpMethod", "Protocol", "Scheme", "StatusCode", "ContentType", "EndpointName",
    ], StringComparer.Ordinal);

    // Values that are URLs or paths: kept with their identifiers templated.
    private static readonly FrozenSet<string> UrlValues = FrozenSet.ToFrozenSet(
        ["Uri", "Url", "RequestUri", "Path", "PathBase", "RequestPath"], StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        string? template = null;
        var attributes = new List<KeyValuePair<string, object?>>((data.Attributes?.Count ?? 0) + 2);
        foreach (var (key, value) in data.Attributes ?? [])
        {
            if (key == OriginalFormat)
            {
                template = value as string;
                attributes.Add(new(key, value));
            }
            else
            {
                attributes.Add(new(key, Safe(key, value)));
            }
        }

        if (data.Exception is { } exception)
        {
            attributes.Add(new("exception.type", TelemetryRedaction.ExceptionTypes(exception)));
            attributes.Add(new("exception.stacktrace", TelemetryRedaction.ExceptionShape(exception)));
            data.Exception = null;
        }

        data.Attributes = attributes;
#pragma warning disable CS0618 // Obsolete, but an exporter that still reads State must not find the original values there.
        data.State = null;
#pragma warning restore CS0618
        // Libraries (the Bot Framework among them) interpolate ids into the template itself, so
        // even a template is free text.
        if (template is not null)
        {
            data.FormattedMessage = TelemetryRedaction.FreeText(Render(template, attributes));
            data.Body = TelemetryRedaction.FreeText(template);
            attributes[attributes.FindIndex(a => a.Key == OriginalFormat)] = new(OriginalFormat, data.Body);
        }
        else
        {
            data.FormattedMessage = data.FormattedMessage is { } message ? TelemetryRedaction.FreeText(message) : null;
            data.Body = data.Body is { } body ? TelemetryRedaction.FreeText(body) : null;
        }
    }

    private static object? Safe(string key, object? value) => value switch
    {
        null => null,
        bool or byte or short or int or long or float or double or decimal or Enum or TimeSpan or DateTime or DateTimeOffset => value,
        _ when UrlValues.Contains(key) => TelemetryRedaction.Url(value.ToString() ?? string.Empty),
        _ when KeptValues.Contains(key) => value.ToString(),
        _ => TelemetryRedaction.Withheld,
    };

    // The message again, from its template and the values left: "{Name}" and "{Name:format}" holes.
    private static string Render(string template, IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in attributes)
        {
            values.TryAdd(key, value);
        }

        return Hole().Replace(template, match =>
            values.TryGetValue(match.Groups["name"].Value, out var value)
                ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "(null)"
                : TelemetryRedaction.Withheld);
    }

    [GeneratedRegex(@"\{(?<name>[^{}:,]+)(,[^{}:]*)?(:[^{}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Hole();
}
