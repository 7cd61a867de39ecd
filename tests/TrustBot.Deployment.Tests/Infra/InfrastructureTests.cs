using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using TrustBot.Pulse;
using TrustBot.Storage;

namespace TrustBot.Deployment.Tests.Infra;

/// <summary>infra/: the Bicep that creates everything TrustBot needs in Azure, compiled and linted with the Bicep compiler.</summary>
public sealed class InfrastructureTests(BicepFixture bicep) : IClassFixture<BicepFixture>
{
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    private JsonObject WebApp => bicep.Resource("Microsoft.Web/sites");

    private Dictionary<string, string> AppSettings =>
        WebApp["properties"]!["siteConfig"]!["appSettings"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!);

    [Fact]
    public void Bicep_build_compiles_main_bicep_with_no_warnings_or_errors()
    {
        bicep.Build.ExitCode.Should().Be(0, bicep.Build.All);
        bicep.Build.All.Trim().Should().BeEmpty("bicep build prints nothing when there is no diagnostic");
    }

    [Fact]
    public void Bicep_lint_finds_nothing_in_any_file()
    {
        bicep.Lint.Keys.Should().Contain("main.bicep");
        foreach (var (file, lint) in bicep.Lint)
        {
            lint.ExitCode.Should().Be(0, $"{file}: {lint.All}");
            lint.All.Trim().Should().BeEmpty($"bicep lint {file} must report no warning");
        }
    }

    [Fact]
    public void The_template_takes_a_name_prefix_and_location_and_outputs_the_bot_endpoint_and_app_id()
    {
        bicep.Template["parameters"]!.AsObject().Select(p => p.Key).Should().Contain(["namePrefix", "location"]);
        bicep.Template["parameters"]!["anonymitySecret"]!["type"]!.GetValue<string>().Should().Be("securestring");
        bicep.Template["outputs"]!.AsObject().Select(o => o.Key).Should().Contain(["botEndpoint", "botAppId"]);
        bicep.Template["outputs"]!["botEndpoint"]!["value"]!.GetValue<string>().Should().Contain("/api/messages");
    }

    [Fact]
    public void The_bot_is_an_azure_bot_with_the_teams_channel_signed_in_as_a_user_assigned_managed_identity()
    {
        bicep.Resource("Microsoft.ManagedIdentity/userAssignedIdentities");
        var bot = bicep.Resource("Microsoft.BotService/botServices")["properties"]!;
        bot["msaAppType"]!.GetValue<string>().Should().Be("UserAssignedMSI");
        bot["msaAppId"]!.GetValue<string>().Should().Contain("clientId");
        bot["msaAppMSIResourceId"]!.GetValue<string>().Should().Contain("Microsoft.ManagedIdentity/userAssignedIdentities");
        bot["msaAppTenantId"]!.GetValue<string>().Should().Contain("tenantId");

        var teams = bicep.Resource("Microsoft.BotService/botServices/channels")["properties"]!;
        teams["channelName"]!.GetValue<string>().Should().Be("MsTeamsChannel");
        teams["properties"]!["isEnabled"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void The_web_app_runs_dotnet_10_on_linux_with_health_check_always_on_and_https_only()
    {
        bicep.Resource("Microsoft.Web/serverfarms")["properties"]!["reserved"]!.GetValue<bool>().Should().BeTrue("reserved means Linux");
        var properties = WebApp["properties"]!;
        properties["httpsOnly"]!.GetValue<bool>().Should().BeTrue();
        var site = properties["siteConfig"]!;
        site["linuxFxVersion"]!.GetValue<string>().Should().Be("DOTNETCORE|10.0");
        site["healthCheckPath"]!.GetValue<string>().Should().Be("/healthz");
        site["alwaysOn"]!.GetValue<bool>().Should().BeTrue();
        site["minTlsVersion"]!.GetValue<string>().Should().Be("1.2");
        site["ftpsState"]!.GetValue<string>().Should().Be("Disabled");
        WebApp["identity"]!["type"]!.GetValue<string>().Should().Be("UserAssigned");
        properties["keyVaultReferenceIdentity"]!.GetValue<string>().Should().Contain("Microsoft.ManagedIdentity/userAssignedIdentities");
    }

    [Fact]
    public void App_settings_sign_in_with_the_managed_identity_and_read_the_secret_from_key_vault()
    {
        var settings = AppSettings;

        settings["MicrosoftAppType"].Should().Be("UserAssignedMSI");
        settings["MicrosoftAppId"].Should().Contain("clientId");
        settings["MicrosoftAppTenantId"].Should().Contain("tenantId");
        settings["Storage__TableEndpoint"].Should().Contain("tableEndpoint");
        settings["Storage__QueueEndpoint"].Should().Contain("queueEndpoint");
        settings["Storage__ManagedIdentityClientId"].Should().Contain("clientId");
        settings["Pulse__AnonymitySecret"].Should().Contain("@Microsoft.KeyVault(VaultName=").And.Contain("SecretName=");
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"].Should().Contain("ConnectionString");
        settings.Keys.Should().NotContain(k => k.Contains("Storage__ConnectionString", StringComparison.Ordinal) || k.Contains("Password", StringComparison.Ordinal),
            "no key, connection string or password sits in app settings");
    }

    [Fact]
    public void Every_app_setting_is_a_key_the_bot_reads()
    {
        string[] hostKeys = ["MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppTenantId", "APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var storageKeys = typeof(StorageOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"{StorageOptions.SectionName}:{p.Name}");
        var pulseKeys = typeof(PulseOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"{PulseOptions.SectionName}:{p.Name}");
        var known = hostKeys.Concat(storageKeys).Concat(pulseKeys).ToHashSet(StringComparer.OrdinalIgnoreCase);

        AppSettings.Keys.Select(k => k.Replace("__", ":", StringComparison.Ordinal)).Should().OnlyContain(k => known.Contains(k),
            "Linux app settings name nested keys with __ for :, and each must bind to an option the bot has");
    }

    [Fact]
    public void The_endpoint_settings_the_template_gives_build_storage_clients_for_the_managed_identity()
    {
        // What App Service hands the app (Storage__X arrives as Storage:X), with made-up values.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:TableEndpoint"] = "https://trustbotst1.table.core.windows.net/",
            ["Storage:QueueEndpoint"] = "https://trustbotst1.queue.core.windows.net/",
            ["Storage:ManagedIdentityClientId"] = "6b0e7f3c-2d4a-4c1b-9e8f-0a1b2c3d4e5f",
        }).Build();

        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()!;
        var account = new StorageAccount(options);

        options.ConnectionString.Should().BeNullOrEmpty();
        account.Table("Pulses").Uri.Should().Be(new Uri("https://trustbotst1.table.core.windows.net/trustbotPulses"));
        account.Queue("Deliveries").Uri.Should().Be(new Uri("https://trustbotst1.queue.core.windows.net/trustbot-deliveries"));
    }

    [Fact]
    public void Storage_takes_no_shared_keys_and_the_identity_holds_the_table_and_queue_data_roles()
    {
        var storage = bicep.Resource("Microsoft.Storage/storageAccounts");
        storage["kind"]!.GetValue<string>().Should().Be("StorageV2");
        var properties = storage["properties"]!;
        properties["minimumTlsVersion"]!.GetValue<string>().Should().Be("TLS1_2");
        properties["allowBlobPublicAccess"]!.GetValue<bool>().Should().BeFalse();
        properties["allowSharedKeyAccess"]!.GetValue<bool>().Should().BeFalse();

        RoleDefinitionIds().Should().Contain(id => id.Contains(TableDataContributor)).And.Contain(id => id.Contains(QueueDataContributor));
    }

    [Fact]
    public void Key_vault_uses_rbac_and_soft_delete_and_the_identity_may_read_secrets()
    {
        var vault = bicep.Resource("Microsoft.KeyVault/vaults")["properties"]!;
        vault["enableRbacAuthorization"]!.GetValue<bool>().Should().BeTrue();
        vault["enableSoftDelete"]!.GetValue<bool>().Should().BeTrue();
        bicep.Resource("Microsoft.KeyVault/vaults/secrets")["condition"].Should().NotBeNull("the secret is written only when a value is given");
        RoleDefinitionIds().Should().Contain(id => id.Contains(KeyVaultSecretsUser));
    }

    [Fact]
    public void Application_insights_sends_to_a_log_analytics_workspace()
    {
        bicep.Resource("Microsoft.OperationalInsights/workspaces");
        bicep.Resource("Microsoft.Insights/components")["properties"]!["WorkspaceResourceId"]!.GetValue<string>().Should().Contain("Microsoft.OperationalInsights/workspaces");
    }

    private IEnumerable<string> RoleDefinitionIds() => bicep.RoleDefinitionIds();
}
