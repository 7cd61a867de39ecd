using System.Globalization;
using System.Text.Json;
using TrustBot.Bot;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;

namespace TrustBot.Recovery.Webhook;

/// <summary>
/// Reads the JSON an incident tool posts into an <see cref="IncidentDraft"/>, or says what is wrong
/// with it, field by field, in words a person setting up the tool can act on. Unknown fields are
/// ignored, so a tool may send more than TrustBot reads.
/// </summary>
public static class IncidentWebhookPayload
{
    /// <summary>The factor an incident hit when the tool names none: a tool's alert is usually about something that did not work.</summary>
    public static readonly string DefaultFactorId = TrustFactors.Reliability.Id;

    // ISO 8601 with or without seconds and fractions, with Z, an offset, or neither (read as UTC).
    private static readonly string[] OccurredAtFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    /// <summary>The draft the body describes, or the problems with it (never both).</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="now">The current time: when the incident happened if the tool does not say.</param>
    public static (IncidentDraft? Draft, IReadOnlyList<string> Problems) Read(ReadOnlyMemory<byte> body, DateTimeOffset now)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, ["The body is not JSON."]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (!JsonText.IsUnicode(root))
            {
                return (null, [JsonText.NotUnicode]);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, ["The body must be a JSON object."]);
            }

            var problems = new List<string>();
            var title = RequiredString(root, "title", problems);
            var description = RequiredString(root, "description", problems);
            var severity = ReadSeverity(root, problems);
            var occurredAt = ReadOccurredAt(root, now, problems);
            var factors = ReadFactors(root, problems);
            var visibility = ReadVisibility(root, problems);
            var externalId = OptionalString(root, "externalId", problems);
            return problems.Count > 0
                ? (null, problems)
                : (new IncidentDraft(title!, description!, severity, occurredAt, factors, visibility, externalId), []);
        }
    }

    private static string? RequiredString(JsonElement root, string name, List<string> problems)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add($"\"{name}\" is required, as a string.");
        return null;
    }

    private static string? OptionalString(JsonElement root, string name, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add($"\"{name}\" must be a string.");
        return null;
    }

    private static IncidentSeverity ReadSeverity(JsonElement root, List<string> problems)
    {
        switch (RequiredString(root, "severity", problems)?.ToUpperInvariant())
        {
            case null:
                return default;
            case "MINOR":
                return IncidentSeverity.Minor;
            case "MAJOR":
                return IncidentSeverity.Major;
            case "CRITICAL":
                return IncidentSeverity.Critical;
            default:
                problems.Add("\"severity\" must be \"minor\", \"major\" or \"critical\".");
                return default;
        }
    }

    private static DateTimeOffset ReadOccurredAt(JsonElement root, DateTimeOffset now, List<string> problems)
    {
        if (OptionalString(root, "occurredAt", problems) is not { } text)
        {
            return now;
        }

        if (DateTimeOffset.TryParseExact(text, OccurredAtFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var occurredAt))
        {
            return occurredAt;
        }

        problems.Add("\"occurredAt\" must be an ISO 8601 date and time, e.g. \"2026-11-23T08:30:00Z\".");
        return now;
    }

    private static List<string> ReadFactors(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("factors", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [DefaultFactorId];
        }

        var ids = value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String)
            ? value.EnumerateArray().Select(item => item.GetString()!).ToList()
            : null;
        if (ids is not { Count: > 0 } || ids.Any(id => TrustFactors.Find(id) is null))
        {
            problems.Add($"\"factors\" must be a list of one or more of {string.Join(", ", TrustFactors.All.Select(f => $"\"{f.Id}\""))}.");
            return [];
        }

        return ids;
    }

    private static IncidentVisibility ReadVisibility(JsonElement root, List<string> problems)
    {
        switch (OptionalString(root, "visibility", problems)?.ToUpperInvariant())
        {
            case null:
                // A tool's alert goes to the leads first: they decide whether the whole team hears of it.
                return IncidentVisibility.LeadsOnly;
            case "TEAM":
                return IncidentVisibility.Team;
            case "LEADS":
                return IncidentVisibility.LeadsOnly;
            default:
                problems.Add("\"visibility\" must be \"team\" or \"leads\".");
                return IncidentVisibility.LeadsOnly;
        }
    }
}
