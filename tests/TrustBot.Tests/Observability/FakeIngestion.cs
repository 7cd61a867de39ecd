using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrustBot.Tests.Observability;

/// <summary>
/// A stand-in for the Application Insights ingestion and Live Metrics endpoints on loopback: it
/// accepts everything the Azure Monitor exporter sends and keeps the bodies (un-gzipped), so a test
/// can read exactly what would have reached Application Insights.
/// </summary>
public sealed class FakeIngestion : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<string> _bodies = [];

    private FakeIngestion(WebApplication app) => _app = app;

    /// <summary>A connection string that sends traces, metrics, logs and Live Metrics here.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Every body received, in order (NDJSON telemetry items for ingestion).</summary>
    public IReadOnlyList<string> Bodies
    {
        get
        {
            lock (_bodies)
            {
                return [.. _bodies];
            }
        }
    }

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<FakeIngestion> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeIngestion(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        var endpoint = $"http://127.0.0.1:{address.Port}/";
        fake.ConnectionString = $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={endpoint};LiveEndpoint={endpoint}";
        return fake;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Stream body = context.Request.Body;
        if (context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var reader = new StreamReader(body);
        var text = await reader.ReadToEndAsync();
        lock (_bodies)
        {
            _bodies.Add(text);
        }

        var items = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"itemsReceived":{{items}},"itemsAccepted":{{items}},"errors":[]}""");
    }
}
