using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrustBot.Storage;

namespace TrustBot.Tests.Hosting;

/// <summary>The real host in memory, with storage and authentication settings chosen by the test.</summary>
/// <param name="settings">Configuration on top of appsettings.json.</param>
/// <param name="waitForStorage">Start serving only once the tables exist (storage must be reachable).</param>
/// <param name="testServices">Replaces services at true boundaries (the Bot Connector), after the app's own registrations.</param>
/// <param name="environment">
/// The hosting environment; by default Development without an app id (the only environment that
/// takes unauthenticated turns, as with the Agents Playground) and Production with one.
/// </param>
public sealed class TrustBotHost(
    IDictionary<string, string?> settings, bool waitForStorage = false, Action<IServiceCollection>? testServices = null, string? environment = null)
    : WebApplicationFactory<Program>
{
    /// <summary>A fixed test secret for anonymous answer keys (base64 of 32 bytes).</summary>
    public const string AnonymitySecret = "dGVzdC1zZWNyZXQtZm9yLXRydXN0Ym90LWFub255bWl0eQ==";

    /// <summary>
    /// A host on Azurite, by default in Development with no app id (anonymous, as with the Agents
    /// Playground); <c>extra</c> settings go on top of <see cref="Settings"/>, e.g. the <c>Delivery</c>
    /// section for a test's pace.
    /// </summary>
    public static TrustBotHost OnAzurite(
        string connectionString,
        string prefix,
        string? appId = null,
        Action<IServiceCollection>? testServices = null,
        IDictionary<string, string?>? extra = null,
        string? environment = null)
    {
        var settings = Settings(connectionString, prefix, appId);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new(settings, waitForStorage: true, testServices, environment);
    }

    /// <summary>The settings of a host on the given storage.</summary>
    public static Dictionary<string, string?> Settings(string connectionString, string prefix, string? appId = null) => new()
    {
        ["Storage:ConnectionString"] = connectionString,
        ["Pulse:AnonymitySecret"] = AnonymitySecret,
        ["Storage:NamePrefix"] = prefix,
        ["MicrosoftAppType"] = appId is null ? "" : "SingleTenant",
        ["MicrosoftAppId"] = appId ?? "",
        ["MicrosoftAppPassword"] = appId is null ? "" : "not-a-real-secret",
        ["MicrosoftAppTenantId"] = appId is null ? "" : "00000000-0000-0000-0000-000000000001",
    };

    /// <inheritdoc />
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (waitForStorage)
        {
            // Tests talk to the bot right away; the tables must exist first, as /readyz ensures in Azure.
            host.Services.GetRequiredService<StorageInitializer>().Created.WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        }

        return host;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var anonymous = string.IsNullOrEmpty(settings.TryGetValue("MicrosoftAppId", out var appId) ? appId : null);
        builder.UseEnvironment(environment ?? (anonymous ? Environments.Development : Environments.Production));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }
}
