using System.Text.Json.Nodes;
using TrustBot.Deployment.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Deployment.Tests.Manifest;

/// <summary>
/// The packaged manifest against Microsoft's official JSON schema for its version, as the npm package
/// @microsoft/app-manifest ships it (package.json pins it; `npm ci` installs it), checked by
/// tools/validate-manifest.mjs. Nothing comes from outside the repository or the internet.
/// </summary>
public sealed class ManifestSchemaTests(AppPackageFixture package) : IClassFixture<AppPackageFixture>
{
    [Fact]
    public async Task The_packaged_manifest_validates_against_the_official_schema_of_its_version()
    {
        package.Result.ExitCode.Should().Be(0, package.Result.All);

        var run = await ValidateAsync(package.Manifest);

        run.ExitCode.Should().Be(0, $"the manifest must satisfy Microsoft's schema:\n{run.All}");
        run.Output.Should().Contain($"manifest version {AppManifestTests.SchemaVersion}: 0 problems");
    }

    [Theory]
    [InlineData("a property the schema does not know", "/ must NOT have additional properties")]
    [InlineData("no privacy page", "/developer must have required property 'privacyUrl'")]
    [InlineData("an accent colour that is not #RRGGBB", "/accentColor must match pattern")]
    [InlineData("a bot id that is not a GUID", "/bots/0/botId must match pattern")]
    [InlineData("a scope Teams does not have", "/bots/0/scopes/0 must be equal to one of the allowed values")]
    [InlineData("a command without a title", "/bots/0/commandLists/0/commands/0 must have required property 'title'")]
    public async Task A_manifest_that_breaks_the_schema_fails_and_says_where(string breakage, string problem)
    {
        var broken = package.Manifest;
        Break(broken, breakage);

        var run = await ValidateAsync(broken);

        run.ExitCode.Should().Be(1, run.All);
        run.Output.Should().Contain(problem).And.MatchRegex(@"manifest version 1\.30: [1-9][0-9]* problems");
    }

    [Theory]
    [InlineData("{\"manifestVersion\":\"0.1\"}", "no schema for manifest version 0.1")]
    [InlineData("{\"name\":\"no version\"}", "has no manifestVersion string")]
    [InlineData("{not json", "is not valid JSON")]
    public async Task A_file_the_validator_cannot_check_is_a_usage_error_not_a_pass(string text, string message)
    {
        var run = await ValidateAsync(text);

        run.ExitCode.Should().Be(2, run.All);
        run.Error.Should().Contain(message);
    }

    private static void Break(JsonObject manifest, string breakage)
    {
        var bot = manifest["bots"]![0]!.AsObject();
        switch (breakage)
        {
            case "a property the schema does not know":
                manifest["trustLevel"] = "high";
                break;
            case "no privacy page":
                manifest["developer"]!.AsObject().Remove("privacyUrl");
                break;
            case "an accent colour that is not #RRGGBB":
                manifest["accentColor"] = "teal";
                break;
            case "a bot id that is not a GUID":
                bot["botId"] = "trustbot";
                break;
            case "a scope Teams does not have":
                bot["scopes"]![0] = "meeting";
                break;
            case "a command without a title":
                bot["commandLists"]![0]!["commands"]![0]!.AsObject().Remove("title");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, "no such breakage");
        }
    }

    private static Task<RunResult> ValidateAsync(JsonObject manifest) => ValidateAsync(manifest.ToJsonString());

    private static async Task<RunResult> ValidateAsync(string manifestText)
    {
        var folder = Repo.TempFolder("manifest-schema");
        try
        {
            var file = Path.Combine(folder, "manifest.json");
            await File.WriteAllTextAsync(file, manifestText);
            return await Run.Async("node", [Repo.File("tools", "validate-manifest.mjs"), file], Repo.Root);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
