namespace TrustBot.Storage;

/// <summary>The registered tables of the account, each as a resilient <see cref="StorageTable"/>.</summary>
public sealed class StorageTables
{
    private readonly Dictionary<string, StorageTable> _tables;

    /// <summary>Builds one <see cref="StorageTable"/> per registration.</summary>
    public StorageTables(StorageAccount account, StorageResilience resilience, IEnumerable<TableRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(account);
        Registered = registrations.DistinctBy(registration => registration.Name).ToList();
        _tables = Registered.ToDictionary(registration => registration.Name, registration => new StorageTable(account.Table(registration.Name), resilience));
    }

    /// <summary>Every registered table, once.</summary>
    public IReadOnlyList<TableRegistration> Registered { get; }

    /// <summary>
    /// A registered table by its name without the prefix; an unregistered name throws, since no one
    /// would have created that table.
    /// </summary>
    public StorageTable Get(string name) =>
        _tables.TryGetValue(name, out var table)
            ? table
            : throw new InvalidOperationException($"Table '{name}' is not registered: call services.AddTrustBotTable(\"{name}\").");
}
