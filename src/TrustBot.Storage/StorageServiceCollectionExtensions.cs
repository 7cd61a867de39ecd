using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrustBot.Storage;

/// <summary>Registers TrustBot's storage with dependency injection.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from the <c>Storage</c> section and registers the
    /// <see cref="StorageAccount"/>, the <see cref="StorageResilience"/> pipeline, the registered
    /// <see cref="StorageTables"/> (with the <see cref="StorageLease.TableName"/> table),
    /// <see cref="DataDeletion"/>, and the <see cref="StorageInitializer"/> that creates tables and
    /// queues at start.
    /// </summary>
    public static IServiceCollection AddTrustBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StorageAccount(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => new StorageResilience(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Resilience,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<StorageResilience>>()));
        services.AddSingleton<StorageTables>();
        services.AddSingleton<DataDeletion>();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.AddTrustBotTable(StorageLease.TableName);
        return services;
    }

    /// <summary>
    /// Registers a table (name without prefix) to be created at start and searched by <see cref="DataDeletion"/>;
    /// <paramref name="holdsMemberData"/> says its entities about a member carry <see cref="TableRegistration.MemberKeyProperty"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotTable(this IServiceCollection services, string name, bool holdsMemberData = false) =>
        services.AddSingleton(new TableRegistration(name, holdsMemberData));

    /// <summary>Registers a queue (name without prefix) to be created at start.</summary>
    public static IServiceCollection AddTrustBotQueue(this IServiceCollection services, string name) =>
        services.AddSingleton(new QueueRegistration(name));
}
