using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using TrustBot.Deployment.Tests.Support;

namespace TrustBot.Deployment.Tests.Manifest;

/// <summary>
/// The packaged manifest against Microsoft's official JSON schema, when a copy of it is supplied beside the
/// repository in ../shared/schemas/ (the tests fetch nothing from the internet). Skipped, saying why, otherwise.
/// </summary>
public sealed class ManifestSchemaTests(AppPackageFixture package) : IClassFixture<AppPackageFixture>
{
    [SkippableFact]
    public void The_packaged_manifest_validates_against_the_official_schema()
    {
        var schemaFile = FindSchema(out var whyNot);
        Skip.If(schemaFile is null, whyNot);

        var schemaText = File.ReadAllText(schemaFile!);
        var versions = SchemaVersions(schemaText);
        Skip.If(versions.Count > 0 && !versions.Contains(AppManifestTests.SchemaVersion),
            $"{schemaFile} is the schema of manifest version {string.Join(", ", versions)}, not {AppManifestTests.SchemaVersion}; supply MicrosoftTeams.v{AppManifestTests.SchemaVersion}.schema.json.");

        package.Result.ExitCode.Should().Be(0, package.Result.All);
        var schema = JsonSchema.FromText(schemaText);
        using var manifest = JsonDocument.Parse(package.Entries["manifest.json"]);
        var result = schema.Evaluate(manifest.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        result.IsValid.Should().BeTrue($"the manifest must satisfy {schemaFile}:\n{string.Join('\n', errors)}");
    }

    /// <summary>The schema for our version if one is there, else a generic MicrosoftTeams schema file.</summary>
    private static string? FindSchema(out string whyNot)
    {
        var folder = Repo.SharedSchemas;
        whyNot = $"no Teams app manifest schema beside the repository: put MicrosoftTeams.schema.json (manifest version {AppManifestTests.SchemaVersion}) in {folder} to validate against it";
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var candidates = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).Contains("teams", StringComparison.OrdinalIgnoreCase) || f.Contains($"{Path.DirectorySeparatorChar}teams{Path.DirectorySeparatorChar}", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Contains(AppManifestTests.SchemaVersion, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
        return candidates.FirstOrDefault();
    }

    /// <summary>The manifestVersion values a schema accepts (an enum or const on that property), empty when it does not say.</summary>
    private static List<string> SchemaVersions(string schemaText)
    {
        var property = JsonNode.Parse(schemaText)?["properties"]?["manifestVersion"];
        if (property?["enum"] is JsonArray values)
        {
            return values.Select(v => v?.ToString() ?? string.Empty).ToList();
        }

        return property?["const"] is JsonNode single ? [single.ToString()] : [];
    }
}
