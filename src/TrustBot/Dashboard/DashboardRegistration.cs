namespace TrustBot.Dashboard;

/// <summary>Registers the dashboard tab: its options, sign-in and service; <see cref="DashboardEndpoints.MapDashboard"/> maps its routes.</summary>
public static class DashboardRegistration
{
    /// <summary>
    /// Adds <see cref="DashboardOptions"/> (section <c>Dashboard</c>, checked at start-up), Teams
    /// single sign-on and, in the Development environment only, the sign-in stand-in
    /// (<see cref="DashboardSignIn"/>), and <see cref="DashboardService"/>.
    /// </summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.SectionName)
            .Validate(options => options.HasValidApplicationIdUri(), $"{DashboardOptions.SectionName}:{nameof(DashboardOptions.ApplicationIdUri)} must be empty or the Entra app's Application ID URI, api://<host>/<app id>, e.g. api://trustbot.contoso.com/00000000-0000-0000-0000-000000000000.")
            .ValidateOnStart();
        builder.Services.AddDashboardSignIn(development: builder.Environment.IsDevelopment());
        builder.Services.AddSingleton<DashboardService>();
        return builder;
    }
}
