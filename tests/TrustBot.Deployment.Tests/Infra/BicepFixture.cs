using TrustBot.Testing;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrustBot.Deployment.Tests.Support;

namespace TrustBot.Deployment.Tests.Infra;

/// <summary>Compiles infra/main.bicep to ARM JSON and lints every Bicep file, once, in parallel.</summary>
public sealed class BicepFixture : IAsyncLifetime
{
    private readonly string _folder = Repo.TempFolder("bicep");

    public RunResult Build { get; private set; } = null!;

    /// <summary>Bicep file (relative to infra/) to its lint result.</summary>
    public IReadOnlyDictionary<string, RunResult> Lint { get; private set; } = new Dictionary<string, RunResult>();

    public JsonObject Template { get; private set; } = new();

    public static string Infra => Repo.File("infra");

    public async Task InitializeAsync()
    {
        var bicep = Repo.Bicep();
        var output = Path.Combine(_folder, "main.json");
        var files = Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Infra, f)).Order().ToList();
        var environment = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["BICEP_TELEMETRY_ENABLED"] = "false" };

        var build = Run.Async(bicep, ["build", "main.bicep", "--outfile", output], Infra, environment, TimeSpan.FromSeconds(90));
        var lints = files.Select(async f => (f, await Run.Async(bicep, ["lint", f], Infra, environment, TimeSpan.FromSeconds(90)))).ToList();

        Build = await build;
        Lint = (await Task.WhenAll(lints)).ToDictionary(x => x.f, x => x.Item2);
        if (Build.ExitCode == 0)
        {
            Template = JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject();
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Every resource of the template, those of nested module deployments included.</summary>
    public IEnumerable<JsonObject> Resources() => ResourcesOf(Template);

    public JsonObject Resource(string type) =>
        Resources().Should().ContainSingle(r => (string)r["type"]! == type, $"the template declares one {type}").Subject;

    /// <summary>The role definition ids of every role assignment, with template variables resolved.</summary>
    public IEnumerable<string> RoleDefinitionIds() => RoleDefinitionIdsOf(Template);

    private static IEnumerable<string> RoleDefinitionIdsOf(JsonObject template)
    {
        var variables = template["variables"] as JsonObject;
        foreach (var resource in ResourcesOf(template, nested: false))
        {
            if ((string)resource["type"]! == "Microsoft.Authorization/roleAssignments")
            {
                var id = (string)resource["properties"]!["roleDefinitionId"]!;
                yield return Regex.Replace(id, @"variables\('(\w+)'\)", m => variables?[m.Groups[1].Value]?.ToString() ?? m.Value);
            }

            if (resource["properties"]?["template"] is JsonObject inner)
            {
                foreach (var nestedId in RoleDefinitionIdsOf(inner))
                {
                    yield return nestedId;
                }
            }
        }
    }

    private static IEnumerable<JsonObject> ResourcesOf(JsonObject template, bool nested = true)
    {
        // Bicep emits resources as an array, or as an object keyed by symbolic name (language version 2.0).
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject map => map.Select(p => p.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (nested && resource["properties"]?["template"] is JsonObject inner)
            {
                foreach (var innerResource in ResourcesOf(inner))
                {
                    yield return innerResource;
                }
            }
        }
    }
}
