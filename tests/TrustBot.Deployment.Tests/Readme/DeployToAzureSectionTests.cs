using TrustBot.Bot;
using TrustBot.Recovery.Webhook;
using TrustBot.Delivery;
using TrustBot.Scheduling;
using System.Reflection;
using TrustBot.Deployment.Tests.Support;
using TrustBot.Observability;
using TrustBot.Pulse;
using TrustBot.Storage;

namespace TrustBot.Deployment.Tests.Readme;

/// <summary>README's "Deploy to Azure": the last section, with a configuration reference that misses no setting.</summary>
public sealed class DeployToAzureSectionTests
{
    private static readonly string Readme = File.ReadAllText(Repo.File("README.md"));

    private static string Section => Readme[Readme.IndexOf("\n## Deploy to Azure", StringComparison.Ordinal)..];

    [Fact]
    public void Deploy_to_azure_is_the_last_section()
    {
        Readme.Should().Contain("\n## Deploy to Azure");
        Section.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Should().ContainSingle();
    }

    [Fact]
    public void It_covers_prerequisites_one_command_the_pipeline_and_uploading_to_teams()
    {
        Section.Should().ContainAll("Prerequisites", "az deployment group create", "azure-pipelines.yml", "scripts/package-app", "appPackage.zip", "Upload");
    }

    [Fact]
    public void The_configuration_reference_lists_every_setting_with_a_default()
    {
        var keys = Keys(typeof(StorageOptions), StorageOptions.SectionName)
            .Concat(Keys(typeof(StorageResilienceOptions), $"{StorageOptions.SectionName}:{nameof(StorageOptions.Resilience)}"))
            .Concat(Keys(typeof(PulseOptions), PulseOptions.SectionName))
            .Concat(Keys(typeof(SchedulerOptions), SchedulerOptions.SectionName))
            .Concat(Keys(typeof(DeliveryOptions), DeliveryOptions.SectionName))
            .Concat(Keys(typeof(IncidentWebhookOptions), IncidentWebhookOptions.SectionName))
            .Where(k => k != $"{StorageOptions.SectionName}:{nameof(StorageOptions.Resilience)}")
            .Concat(["MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", TelemetryRegistration.ConnectionStringKey, TelemetryRegistration.ConsoleExporterKey])
            .Append($"{BotAccessOptions.SectionName}:{nameof(BotAccessOptions.AllowedTenants)}");

        var rows = Section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        foreach (var key in keys)
        {
            rows.Should().ContainSingle(r => r.StartsWith($"| `{key}` |", StringComparison.Ordinal), $"{key} needs a row: | `{key}` | default | meaning |")
                .Which.Split('|', StringSplitOptions.TrimEntries)[1..^1].Should().HaveCount(3).And.NotContain(string.Empty, "each row has a setting, a default and a meaning");
        }
    }

    private static IEnumerable<string> Keys(Type options, string section) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"{section}:{p.Name}");
}
