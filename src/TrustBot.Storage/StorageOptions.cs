namespace TrustBot.Storage;

/// <summary>
/// Where TrustBot keeps its data (configuration section <c>Storage</c>).
/// Locally and in tests a connection string points at Azurite; in Azure the account endpoints
/// are given and the bot signs in with its managed identity, so no key is ever configured.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Storage";

    /// <summary>A storage connection string (Azurite or development). Wins over the endpoints when set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table service endpoint, e.g. <c>https://account.table.core.windows.net</c>.</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>The Queue service endpoint, e.g. <c>https://account.queue.core.windows.net</c>.</summary>
    public Uri? QueueEndpoint { get; set; }

    /// <summary>
    /// Client id of a user-assigned managed identity to sign in with; empty uses the default
    /// credential chain.
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Prefix of every table and queue name, so that environments and test runs sharing an
    /// account never collide. Letters and digits only, starting with a letter.
    /// </summary>
    public string NamePrefix { get; set; } = "trustbot";

    /// <summary>Retry and timeout budget of storage calls (section <c>Storage:Resilience</c>).</summary>
    public StorageResilienceOptions Resilience { get; set; } = new();
}
