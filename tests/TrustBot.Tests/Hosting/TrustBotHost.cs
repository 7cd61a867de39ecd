using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TrustBot.Tests.Hosting;

/// <summary>The real host in memory, with storage and authentication settings chosen by the test.</summary>
public sealed class TrustBotHost(IDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>A host on Azurite, with no app id (anonymous, as with the Agents Playground).</summary>
    public static TrustBotHost OnAzurite(string connectionString, string prefix, string? appId = null) => new(new Dictionary<string, string?>
    {
        ["Storage:ConnectionString"] = connectionString,
        ["Storage:NamePrefix"] = prefix,
        ["MicrosoftAppType"] = appId is null ? "" : "SingleTenant",
        ["MicrosoftAppId"] = appId ?? "",
        ["MicrosoftAppPassword"] = appId is null ? "" : "not-a-real-secret",
        ["MicrosoftAppTenantId"] = appId is null ? "" : "00000000-0000-0000-0000-000000000001",
    });

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
