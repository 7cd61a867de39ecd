using System.Collections.Frozen;

namespace TrustBot.Dashboard;

/// <summary>
/// The tab's script and style, and the Teams JavaScript SDK, embedded in this assembly (see
/// TrustBot.csproj) and served by the host itself: nothing is downloaded from elsewhere at run time,
/// and a published app carries them inside TrustBot.dll.
/// </summary>
public static class DashboardAssets
{
    /// <summary>The Teams JavaScript SDK's version, as vendored from npm <c>@microsoft/teams-js</c> (see Dashboard/Assets/README.md).</summary>
    public const string TeamsJsVersion = "2.58.0";

    private static readonly FrozenDictionary<string, (string Resource, string ContentType)> Known = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["teams-js.js"] = ("TrustBot.Dashboard.Assets.MicrosoftTeams.min.js", "text/javascript; charset=utf-8"),
        ["dashboard.js"] = ("TrustBot.Dashboard.Assets.dashboard.js", "text/javascript; charset=utf-8"),
        ["configure.js"] = ("TrustBot.Dashboard.Assets.configure.js", "text/javascript; charset=utf-8"),
        ["dashboard.css"] = ("TrustBot.Dashboard.Assets.dashboard.css", "text/css; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, byte[]> Contents = Known.ToFrozenDictionary(pair => pair.Key, pair => Read(pair.Value.Resource), StringComparer.Ordinal);

    /// <summary>The asset, or 404 for any other name.</summary>
    public static IResult Serve(string name, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!Known.TryGetValue(name, out var asset))
        {
            return Results.NotFound(new { error = "No such dashboard asset." });
        }

        response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(Contents[name], asset.ContentType);
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
