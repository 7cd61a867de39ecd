using System.Text.RegularExpressions;
using System.Xml.Linq;
using TrustBot.Deployment.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace TrustBot.Deployment.Tests.Pipeline;

/// <summary>azure-pipelines.yml: build and test, package, deploy.</summary>
public sealed partial class PipelineTests
{
    private static readonly string[] ScriptKeys = ["bash", "script"];

    private static readonly YamlMappingNode Root = Load();

    private static bool Has(YamlMappingNode node, string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Repo.File("azure-pipelines.yml")));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static IEnumerable<YamlMappingNode> Stages() => ((YamlSequenceNode)Root["stages"]).Cast<YamlMappingNode>();

    private static YamlMappingNode Stage(string name) => Stages().Single(s => s["stage"].ToString() == name);

    /// <summary>Every step of a stage, in jobs and in deployment strategies.</summary>
    private static IEnumerable<YamlMappingNode> Steps(YamlNode node) => node switch
    {
        YamlMappingNode map when Has(map, "steps") =>
            ((YamlSequenceNode)map["steps"]).Cast<YamlMappingNode>().Concat(map.Children.Where(c => c.Key.ToString() != "steps").SelectMany(c => Steps(c.Value))),
        YamlMappingNode map => map.Children.Values.SelectMany(Steps),
        YamlSequenceNode list => list.Children.SelectMany(Steps),
        _ => [],
    };

    /// <summary>The shell text of every step: bash/script steps and inline scripts of tasks.</summary>
    private static IEnumerable<string> Scripts() =>
        Steps(Root).SelectMany(step =>
            ScriptKeys.Where(k => Has(step, k)).Select(k => step[k].ToString())
                .Concat(step.Children.TryGetValue("inputs", out var inputs) && inputs is YamlMappingNode map && map.Children.TryGetValue("inlineScript", out var inline)
                    ? [inline.ToString()]
                    : Array.Empty<string>()));

    private static IEnumerable<string> Tasks(YamlNode stage) =>
        Steps(stage).Where(s => Has(s, "task")).Select(s => s["task"].ToString());

    [Fact]
    public void The_pipeline_builds_and_tests_then_packages_then_deploys()
    {
        Stages().Select(s => s["stage"].ToString()).Should().Equal("build_and_test", "package", "deploy");
        Stage("package")["dependsOn"].ToString().Should().Be("build_and_test");
        Stage("deploy")["dependsOn"].ToString().Should().Be("package");
        Stage("deploy")["condition"].ToString().Should().Contain("refs/heads/main").And.Contain("PullRequest");
    }

    [Fact]
    public void Build_and_test_runs_readme_s_test_command()
    {
        Scripts().Should().Contain(s => s.Trim() == "scripts/test");
        File.ReadAllText(Repo.File("README.md")).Should().Contain("scripts/test");
    }

    [Fact]
    public void Every_script_the_pipeline_calls_exists_and_is_executable()
    {
        var called = Scripts().SelectMany(s => ScriptPath().Matches(s).Select(m => m.Groups["path"].Value)).Distinct().ToList();

        called.Should().Contain(["scripts/test", "scripts/package-app"]);
        called.Should().OnlyContain(path => Repo.IsExecutable(Repo.File(path)), "each script the pipeline runs must be in the repository with its executable bit");
    }

    [Fact]
    public void Package_publishes_the_app_compiles_bicep_and_builds_the_teams_app_package()
    {
        var scripts = string.Join('\n', Steps(Stage("package")).SelectMany(s => ScriptKeys.Where(k => Has(s, k)).Select(k => s[k].ToString())));
        scripts.Should().Contain("dotnet publish src/TrustBot/TrustBot.csproj").And.Contain("build infra/main.bicep").And.Contain("scripts/package-app");
        Steps(Stage("package")).Where(s => Has(s, "publish")).Select(s => s["artifact"].ToString()).Should().Contain(["app", "infra"]);
    }

    [Fact]
    public void Deploy_runs_in_an_environment_deploys_the_compiled_template_then_the_app()
    {
        var deployment = ((YamlSequenceNode)Stage("deploy")["jobs"]).Cast<YamlMappingNode>().Single();
        deployment.Children.Should().ContainKey(new YamlScalarNode("environment"));
        Tasks(Stage("deploy")).Should().ContainInOrder("AzureCLI@2", "AzureWebApp@1");
        Scripts().Should().Contain(s => s.Contains("az deployment group create", StringComparison.Ordinal) && s.Contains("main.json", StringComparison.Ordinal));
    }

    [Fact]
    public void The_pipeline_compiles_bicep_with_the_same_compiler_version_as_the_tests()
    {
        var project = XDocument.Load(Repo.File("tests", "TrustBot.Deployment.Tests", "TrustBot.Deployment.Tests.csproj"));
        var version = project.Descendants("BicepVersion").Single().Value;

        ((YamlMappingNode)Root["variables"])["bicepVersion"].ToString().Should().Be(version).And.Be(Repo.BicepVersion);
    }

    [Fact]
    public void The_variables_the_pipeline_uses_are_documented_in_its_header()
    {
        var header = string.Join('\n', File.ReadLines(Repo.File("azure-pipelines.yml")).TakeWhile(l => l.StartsWith('#')));
        string[] variables = ["azureServiceConnection", "resourceGroup", "location", "namePrefix", "environmentName", "ANONYMITY_SECRET", "botAppId", "botDomain"];

        header.Should().ContainAll(variables);
    }

    [GeneratedRegex(@"(?:^|[\s""'(])(?:\./)?(?<path>scripts/[A-Za-z0-9_./-]+)")]
    private static partial Regex ScriptPath();
}
