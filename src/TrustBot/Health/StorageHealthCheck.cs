using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrustBot.Storage;

namespace TrustBot.Health;

/// <summary>Ready when TrustBot's tables and queues exist and the Table service answers; used by <c>/readyz</c>.</summary>
public sealed class StorageHealthCheck(StorageAccount storage, StorageInitializer initializer) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!initializer.Created.IsCompleted)
        {
            return HealthCheckResult.Unhealthy("Storage tables and queues are not created yet.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await foreach (var _ in storage.Tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages().WithCancellation(timeout.Token))
            {
                break;
            }

            return HealthCheckResult.Healthy("Table storage answered.");
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException or HttpRequestException or Azure.Identity.AuthenticationFailedException)
        {
            return HealthCheckResult.Unhealthy("Table storage did not answer.", ex);
        }
    }
}
