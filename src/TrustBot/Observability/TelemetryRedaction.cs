using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.RegularExpressions;
using OpenTelemetry.Metrics;

namespace TrustBot.Observability;

/// <summary>
/// The rules that keep identities out of telemetry: which span attributes may be exported as they
/// are, and how URLs, paths, free text and stack traces are rewritten so that what operators need
/// (host, method, status, table or queue name, operation, error type, code location) stays while
/// member ids, AAD object ids, Teams user, conversation, team and tenant ids, table keys, queue
/// message ids and pop receipts, card input and message text go.
/// </summary>
/// <remarks>
/// The rules are allowlists on purpose: an attribute, a path segment or a log value that nobody
/// has judged safe is withheld, so instrumentation added later cannot start leaking by itself.
/// </remarks>
public static partial class TelemetryRedaction
{
    /// <summary>What a withheld value is replaced with.</summary>
    public const string Withheld = "[withheld]";

    /// <summary>What an identifier in a URL path is replaced with, as in <c>/v3/conversations/{id}/activities/{id}</c>.</summary>
    public const string IdSegment = "{id}";

    // Span attributes that describe the call, never who it was about. Everything else is dropped.
    private static readonly FrozenSet<string> KeptSpanTags = FrozenSet.ToFrozenSet(
    [
        "http.request.method", "http.request.method_original", "http.response.status_code", "http.route", "http.request.resend_count",
        "server.address", "server.port", "url.scheme", "network.protocol.name", "network.protocol.version", "network.transport",
        "error.type", "az.namespace", "db.system", "db.system.name", "db.operation.name", "messaging.system", "messaging.operation",
        "messaging.operation.type", "otel.status_code", "otel.scope.name", "otel.library.name",
        // Older semantic conventions, still emitted by some instrumentation.
        "http.method", "http.status_code", "http.scheme", "http.flavor", "net.peer.name", "net.peer.port", "net.host.name", "net.host.port",
    ], StringComparer.Ordinal);

    // Span attributes holding a whole URL, rewritten by Url().
    private static readonly FrozenSet<string> UrlTags = FrozenSet.ToFrozenSet(["url.full", "http.url", "url.original"], StringComparer.Ordinal);

    // Span attributes holding a path (and maybe a query), rewritten by Path().
    private static readonly FrozenSet<string> PathTags = FrozenSet.ToFrozenSet(["url.path", "http.target"], StringComparer.Ordinal);

    // Path segments whose next segment is an identifier: Bot Connector resources, queue messages,
    // the incident webhook's id.
    private static readonly FrozenSet<string> Collections = FrozenSet.ToFrozenSet(
        ["conversations", "activities", "members", "attachments", "views", "teams", "channels", "users", "messages", "incidents"],
        StringComparer.OrdinalIgnoreCase);

    // Metric dimensions that describe the call. TrustBot's own turn metrics use the last three.
    private static readonly string[] KeptMetricTags =
    [
        "http.request.method", "http.response.status_code", "http.route", "url.scheme", "server.address", "server.port",
        "network.protocol.name", "network.protocol.version", "error.type", "activity.type", "conversation.scope", "outcome",
    ];

    /// <summary>
    /// The view every metric is exported through: it keeps only the dimensions that describe the
    /// call, whatever an instrument records, so that no metric series is one person's.
    /// </summary>
    public static MetricStreamConfiguration MetricStream(Instrument instrument) => new() { TagKeys = KeptMetricTags };

    /// <summary>
    /// What a span attribute may be exported as: the value itself for attributes that describe the
    /// call, a redacted form for URLs and paths, or null to drop it (query strings, ids, anything unknown).
    /// </summary>
    public static object? SpanTag(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value is null)
        {
            return null;
        }

        if (UrlTags.Contains(key))
        {
            return Url(value.ToString() ?? string.Empty);
        }

        if (PathTags.Contains(key))
        {
            return Path(value.ToString() ?? string.Empty);
        }

        // TrustBot's own attributes (see TurnTelemetry) are bounded and name nobody.
        return KeptSpanTags.Contains(key) || key.StartsWith("trustbot.", StringComparison.Ordinal)
            ? value
            : null;
    }

    /// <summary>
    /// A URL with its path templated and its query, fragment and user info dropped:
    /// <c>https://127.0.0.1:10002/devstoreaccount1/PulseInvitations(PartitionKey='…',RowKey='…')?$select=x</c>
    /// becomes <c>https://127.0.0.1:10002/devstoreaccount1/PulseInvitations</c>.
    /// </summary>
    public static string Url(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
            ? $"{uri.Scheme}://{uri.Authority}{Path(uri.AbsolutePath)}"
            : Path(url);
    }

    /// <summary>
    /// A path with every segment that could be an identifier replaced by <see cref="IdSegment"/>,
    /// table keys (<c>Table(PartitionKey='…',RowKey='…')</c>) cut off and the query dropped:
    /// <c>/v3/conversations/a:1xyz/activities/123</c> becomes <c>/v3/conversations/{id}/activities/{id}</c>.
    /// A segment is kept only if it looks like a name (letters and digits, starting with a letter,
    /// maybe with dashes: a table, queue or API resource) and not like a GUID or a number.
    /// </summary>
    public static string Path(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var end = path.IndexOfAny(['?', '#']);
        var segments = (end < 0 ? path : path[..end]).Split('/');
        var idNext = false;
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length == 0)
            {
                continue;
            }

            var name = Uri.UnescapeDataString(segments[i]);
            var keys = name.IndexOf('(', StringComparison.Ordinal);
            if (keys >= 0)
            {
                name = name[..keys];
            }

            if (idNext || !LooksLikeAName(name))
            {
                segments[i] = IdSegment;
                idNext = false;
                continue;
            }

            segments[i] = name;
            idNext = Collections.Contains(name);
        }

        return string.Join('/', segments);
    }

    /// <summary>
    /// Free text (a log message, which libraries such as the Bot Framework build by interpolation)
    /// with every URL redacted by <see cref="Url"/> and every Teams-shaped id (<c>29:…</c>,
    /// <c>19:…@thread.tacv2</c>, <c>a:…</c>, <c>8:orgid:…</c>), message id (13 digits or more) and
    /// GUID (AAD object and tenant ids) replaced by <see cref="IdSegment"/>.
    /// </summary>
    public static string FreeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var withoutUrls = UrlInText().Replace(text, match => Url(match.Value));
        var withoutTeamsIds = TeamsIdInText().Replace(withoutUrls, IdSegment);
        return MessageIdInText().Replace(GuidInText().Replace(withoutTeamsIds, IdSegment), IdSegment);
    }

    /// <summary>
    /// An exception as type names and stack frames only: messages (which may quote a URL, a key or
    /// what someone typed) are left out, inner exceptions included. The frames say where it failed.
    /// </summary>
    public static string ExceptionShape(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var shape = new StringBuilder();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (shape.Length > 0)
            {
                shape.AppendLine().Append(" ---> ");
            }

            shape.Append(current.GetType().FullName);
            if (current.StackTrace is { } frames)
            {
                shape.AppendLine().Append(frames);
            }
        }

        return shape.ToString();
    }

    /// <summary>The type names of an exception and its inner exceptions, outermost first: what <c>error.type</c> would say.</summary>
    public static string ExceptionTypes(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var types = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            types.Add(current.GetType().FullName ?? current.GetType().Name);
        }

        return string.Join(" ---> ", types);
    }

    /// <summary>
    /// A stack trace text (<c>exception.stacktrace</c>, which is <see cref="Exception.ToString"/>)
    /// reduced to its frames and exception type names, without the messages.
    /// </summary>
    public static string StackFrames(string stackTrace)
    {
        ArgumentNullException.ThrowIfNull(stackTrace);
        var kept = new List<string>();
        foreach (var line in stackTrace.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("at ", StringComparison.Ordinal) || trimmed.StartsWith("--- End of", StringComparison.Ordinal))
            {
                kept.Add(line.TrimEnd('\r'));
            }
            else if (ExceptionHeader().Match(trimmed) is { Success: true } header)
            {
                kept.Add(header.Groups["inner"].Value + header.Groups["type"].Value);
            }
        }

        return string.Join('\n', kept);
    }

    private static bool LooksLikeAName(string segment) =>
        segment is "$batch" or "$metadata"
        || (segment.Length <= 63 && ResourceName().IsMatch(segment) && !Guid.TryParse(segment, out _) && !LongNumber().IsMatch(segment));

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();

    // Activity ids, timestamps and the like hidden inside a name-like segment.
    [GeneratedRegex(@"[0-9]{6,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"https?://[^\s""'<>]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlInText();

    // 29:…, 19:…@thread.tacv2, a:…, 8:orgid:…, 1:… message ids; the lookahead spares times such as 09:30.
    [GeneratedRegex(@"(?<![A-Za-z0-9.:/])(?:[0-9]{1,2}|a|f):(?=[^\s,;'""<>()]*[A-Za-z])[^\s,;'""<>()]+", RegexOptions.CultureInvariant)]
    private static partial Regex TeamsIdInText();

    // Teams message ids are Unix times in milliseconds: 13 digits.
    [GeneratedRegex(@"(?<![0-9.])[0-9]{13,}(?![0-9.])", RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdInText();

    [GeneratedRegex(@"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex GuidInText();

    // "System.InvalidOperationException: message" or " ---> Azure.RequestFailedException: message".
    [GeneratedRegex(@"^(?<inner>--->\s*)?(?<type>[A-Za-z_][A-Za-z0-9_`]*(\.[A-Za-z_][A-Za-z0-9_`+]*)+)(:|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionHeader();
}
