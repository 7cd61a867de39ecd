using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;

namespace TrustBot.Storage;

/// <summary>
/// The storage account TrustBot uses: hands out table and queue clients whose names carry the
/// configured prefix. Built once per process; the clients it returns are thread-safe.
/// </summary>
public sealed class StorageAccount
{
    private readonly string _prefix;

    /// <summary>
    /// Creates the account from options; throws <see cref="InvalidOperationException"/> saying what to set when
    /// neither a connection string nor both endpoints are set, the connection string is malformed, or the prefix is bad.
    /// </summary>
    public StorageAccount(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _prefix = ValidatePrefix(options.NamePrefix);

        var tableOptions = new TableClientOptions();
        var queueOptions = new QueueClientOptions();
        // Retries belong to one layer only: the Polly pipeline in StorageResilience, which knows
        // which failures are worth retrying and bounds the total time. The SDK's own retries
        // would multiply with it, so they are off.
        tableOptions.Retry.MaxRetries = 0;
        queueOptions.Retry.MaxRetries = 0;
        // Message bodies are JSON with whatever names Teams gives; base64 keeps them valid XML on the wire.
        queueOptions.MessageEncoding = QueueMessageEncoding.Base64;
        tableOptions.Retry.NetworkTimeout = queueOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                Tables = new TableServiceClient(options.ConnectionString, tableOptions);
                Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                throw new InvalidOperationException(
                    $"{StorageOptions.SectionName}:ConnectionString is not a valid storage connection string: {ex.Message}", ex);
            }
        }
        else if (options.TableEndpoint is not null && options.QueueEndpoint is not null)
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
            Tables = new TableServiceClient(options.TableEndpoint, credential, tableOptions);
            Queues = new QueueServiceClient(options.QueueEndpoint, credential, queueOptions);
        }
        else
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {StorageOptions.SectionName}:ConnectionString (Azurite or development) " +
                $"or both {StorageOptions.SectionName}:TableEndpoint and {StorageOptions.SectionName}:QueueEndpoint (Azure, managed identity).");
        }
    }

    /// <summary>The Table service.</summary>
    public TableServiceClient Tables { get; }

    /// <summary>The Queue service.</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>The client for one of TrustBot's tables, e.g. <c>Pulses</c> → <c>trustbotPulses</c>.</summary>
    public TableClient Table(string name) => Tables.GetTableClient(_prefix + name);

    /// <summary>The client for one of TrustBot's queues; queue names are lower case.</summary>
    public QueueClient Queue(string name) => Queues.GetQueueClient((_prefix + "-" + name).ToLowerInvariant());

    private static string ValidatePrefix(string prefix)
    {
        // Table names are 3-63 alphanumeric characters starting with a letter; queue names are
        // lower-case alphanumerics and dashes. A letters-and-digits prefix suits both.
        if (string.IsNullOrEmpty(prefix) || prefix.Length > 40 || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new InvalidOperationException(
                $"{StorageOptions.SectionName}:NamePrefix must be 1-40 letters or digits starting with a letter; got '{prefix}'.");
        }

        return prefix;
    }
}
