using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TrustBot.Health;

/// <summary>Writes <c>/readyz</c> as JSON: the overall status and each check's status, description and figures.</summary>
public static class HealthReportWriter
{
    /// <summary>The response writer for <c>HealthCheckOptions.ResponseWriter</c>.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json";
        // Exceptions stay in the logs: their messages can name hosts and accounts.
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description, data = entry.Value.Data }),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}
