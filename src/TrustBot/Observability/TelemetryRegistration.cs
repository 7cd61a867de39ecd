using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TrustBot.Bot;

namespace TrustBot.Observability;

/// <summary>
/// OpenTelemetry for TrustBot: a span and metrics for every turn (<see cref="TurnTelemetry"/>), the
/// ASP.NET Core requests that carry them, and the outgoing calls to storage and the Bot Connector
/// (HttpClient and the Azure SDK's own activity sources). Exported to Application Insights when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, to the console when <c>Telemetry:Console</c>
/// is true; with neither, nothing listens and the instrumentation costs next to nothing. On every
/// path, <see cref="RedactingSpanProcessor"/>, <see cref="RedactingLogProcessor"/> and the metric view
/// <see cref="TelemetryRedaction.MetricStream"/> run before any exporter, so nothing exported names
/// a member, a conversation, a team or a table row (docs/telemetry.md).
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>The setting App Service and the Azure Monitor distro use for the Application Insights resource.</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Set to <c>true</c> to print spans and metrics to the console (local debugging).</summary>
    public const string ConsoleExporterKey = "Telemetry:Console";

    /// <summary>The service name on every span and metric.</summary>
    public const string ServiceName = "TrustBot";

    /// <summary>
    /// Registers telemetry. Call once on the builder; the turn middleware is added to the bot
    /// adapter when the host starts, so the place of this call among the registrations does not matter.
    /// </summary>
    public static WebApplicationBuilder AddTrustBotTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddSingleton<TurnTelemetry>();
        builder.Services.AddHostedService<TurnTelemetryInstaller>();

        var connectionString = builder.Configuration[ConnectionStringKey];
        var toAzureMonitor = !string.IsNullOrWhiteSpace(connectionString);
        var toConsole = builder.Configuration.GetValue<bool>(ConsoleExporterKey);
        if (!toAzureMonitor && !toConsole)
        {
            return builder;
        }

        // Azure SDK clients (Tables, Queues, Identity) emit spans only when asked to.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);

        // The App Service health probe calls /healthz every minute on every instance: not worth a span.
        builder.Services.Configure<AspNetCoreTraceInstrumentationOptions>(options =>
            options.Filter = http => !http.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase));

        // Azure SDK clients log every request URI (table keys included) at Information; only their
        // warnings and errors are exported.
        builder.Logging.AddFilter<OpenTelemetryLoggerProvider>("Azure", LogLevel.Warning);
        // The Bot Framework's adapter logs every send and conversation id at Information: noise,
        // and ids. TrustBot's own failed-turn log on the same category is an error, and stays.
        builder.Logging.AddFilter<OpenTelemetryLoggerProvider>(typeof(TrustBot.Bot.TrustBotAdapter).FullName, LogLevel.Warning);

        var version = typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString();
        // The redacting processors and the metric view come first, so that every exporter and
        // processor added after them (the Azure Monitor distro's exporters and Live Metrics, the
        // console) only ever sees what they left: see docs/telemetry.md.
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddProcessor(new RedactingSpanProcessor())
                .AddSource(TurnTelemetry.SourceName)
                .AddSource("Azure.*"))
            .WithMetrics(metrics => metrics
                .AddView(TelemetryRedaction.MetricStream)
                .AddMeter(TurnTelemetry.SourceName))
            .WithLogging(
                logging => logging.AddProcessor(new RedactingLogProcessor()),
                options =>
                {
                    // Scopes carry request paths and connection ids; nothing in them is needed.
                    options.IncludeScopes = false;
                    options.IncludeFormattedMessage = true;
                });

        if (toAzureMonitor)
        {
            // The distro adds the ASP.NET Core and HttpClient instrumentation and exports traces,
            // metrics and logs.
            telemetry.UseAzureMonitor(options => options.ConnectionString = connectionString);
        }
        else
        {
            telemetry
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        }

        if (toConsole)
        {
            telemetry
                .WithTracing(tracing => tracing.AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddConsoleExporter())
                .WithLogging(logging => logging.AddConsoleExporter());
        }

        return builder;
    }
}
