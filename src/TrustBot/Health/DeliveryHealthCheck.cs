using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrustBot.Storage;
using TrustBot.Storage.Delivery;

namespace TrustBot.Health;

/// <summary>
/// Part of <c>/readyz</c>: how many deliveries wait in the queue and how many were given up
/// (recorded in the <c>DeliveryFailures</c> table). Given-up deliveries make the report
/// "Degraded" — still ready (200), but an operator should look.
/// </summary>
public sealed class DeliveryHealthCheck(PendingDeliveries pending, DeliveryFailures failures, StorageInitializer initializer) : IHealthCheck
{
    // Counting stops here: beyond it the number only says "many".
    private const int FailureCountCap = 1000;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!initializer.Created.IsCompleted)
        {
            return HealthCheckResult.Unhealthy("The delivery queue is not created yet.");
        }

        try
        {
            var queued = pending.CountAsync(cancellationToken);
            var failed = failures.CountAsync(FailureCountCap, cancellationToken);
            await Task.WhenAll(queued, failed).ConfigureAwait(false);
            var failedCount = await failed.ConfigureAwait(false);
            var data = new Dictionary<string, object>
            {
                ["queued"] = await queued.ConfigureAwait(false),
                ["failed"] = failedCount >= FailureCountCap ? $"{FailureCountCap}+" : failedCount,
            };
            return failedCount == 0
                ? HealthCheckResult.Healthy("No delivery has been given up.", data)
                : HealthCheckResult.Degraded($"{data["failed"]} deliveries were given up; see the DeliveryFailures table.", data: data);
        }
        catch (StorageUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy("The delivery queue did not answer.", ex);
        }
    }
}
