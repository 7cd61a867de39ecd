using System.Globalization;

namespace TrustBot.Scheduling;

/// <summary>
/// <c>POST /api/dev/advance?hours=N</c>, mapped in the Development environment only: moves the
/// <see cref="DevelopmentClock"/> forward and runs the jobs due by then at once (their messages
/// go out through the delivery workers as usual). Lets a person see a scheduled check-in, its
/// reminder and its close locally in seconds.
/// </summary>
public static class DevelopmentEndpoints
{
    // A year: far enough for any schedule, small enough that a typo is refused.
    private const double MaxHours = 24 * 366;

    /// <summary>Maps the endpoint; call only in Development.</summary>
    public static IEndpointRouteBuilder MapDevelopmentClock(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/dev/advance", async (HttpContext context, DevelopmentClock clock, JobPlanner planner) =>
        {
            var text = context.Request.Query["hours"].ToString();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) || hours is < 0 or > MaxHours || double.IsNaN(hours))
            {
                return Results.BadRequest(new { error = $"hours must be a number from 0 to {MaxHours}, e.g. /api/dev/advance?hours=24." });
            }

            clock.Advance(TimeSpan.FromHours(hours));
            var ran = await planner.RunDueJobsAsync(context.RequestAborted).ConfigureAwait(false);
            return Results.Ok(new { now = clock.GetUtcNow(), jobsRun = ran });
        });
        return endpoints;
    }
}
