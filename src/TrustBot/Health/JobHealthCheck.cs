using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrustBot.Storage;
using TrustBot.Storage.Scheduling;

namespace TrustBot.Health;

/// <summary>
/// Part of <c>/readyz</c>: how many scheduled jobs the planner gave up after repeated failures
/// (recorded in the <c>JobFailures</c> table). Given-up jobs make the report "Degraded" — still
/// ready (200), but an operator should look: a close, a reminder or a pulse start did not happen.
/// </summary>
public sealed class JobHealthCheck(JobFailures failures, StorageInitializer initializer) : IHealthCheck
{
    // Counting stops here: beyond it the number only says "many".
    private const int FailureCountCap = 1000;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!initializer.Created.IsCompleted)
        {
            return HealthCheckResult.Unhealthy("The jobs table is not created yet.");
        }

        try
        {
            var failed = await failures.CountAsync(FailureCountCap, cancellationToken).ConfigureAwait(false);
            var data = new Dictionary<string, object> { ["givenUp"] = failed >= FailureCountCap ? $"{FailureCountCap}+" : failed };
            return failed == 0
                ? HealthCheckResult.Healthy("No job has been given up.", data)
                : HealthCheckResult.Degraded($"{data["givenUp"]} jobs were given up; see the JobFailures table.", data: data);
        }
        catch (StorageUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy("The jobs table did not answer.", ex);
        }
    }
}
