using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace TrustBot.Health;

/// <summary>Registers and maps the health endpoints.</summary>
public static class HealthRegistration
{
    /// <summary>Adds the readiness checks behind <c>/readyz</c>: storage (<see cref="StorageHealthCheck"/>) deliveries (<see cref="DeliveryHealthCheck"/>) and jobs given up (<see cref="JobHealthCheck"/>).</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<DeliveryHealthCheck>("delivery", tags: ["ready"])
            .AddCheck<JobHealthCheck>("jobs", tags: ["ready"]);
        return services;
    }

    /// <summary>Maps <c>/healthz</c> (the process is up) and <c>/readyz</c> (it can reach storage, so it can do useful work).</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
