using TrustBot.Testing;
using System.IO.Compression;
using System.Text.Json.Nodes;
using TrustBot.Deployment.Tests.Support;

namespace TrustBot.Deployment.Tests.Manifest;

/// <summary>Builds appPackage.zip once with scripts/package-app, the way README says, for the tests to open.</summary>
public sealed class AppPackageFixture : IAsyncLifetime
{
    public const string BotId = "6b0e7f3c-2d4a-4c1b-9e8f-0a1b2c3d4e5f";
    public const string BotDomain = "trustbot-test-app.azurewebsites.net";

    private readonly string _folder = Repo.TempFolder("package");

    public string ZipPath => Path.Combine(_folder, "appPackage.zip");

    public RunResult Result { get; private set; } = null!;

    /// <summary>Entry name to bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Entries { get; private set; } = new Dictionary<string, byte[]>();

    public JsonObject Manifest => JsonNode.Parse(Entries["manifest.json"])!.AsObject();

    public async Task InitializeAsync()
    {
        Result = await Run.Async("bash", [Repo.File("scripts", "package-app"), ZipPath], Repo.Root,
            new Dictionary<string, string?> { ["BOT_ID"] = BotId, ["BOT_DOMAIN"] = BotDomain, ["OUTPUT"] = null, ["TEAMS_APP_ID"] = null });
        if (Result.ExitCode != 0)
        {
            return;
        }

        using var zip = ZipFile.OpenRead(ZipPath);
        Entries = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        });
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
