using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;

namespace TrustBot.Tests.EndToEnd;

/// <summary>
/// The whole stack a person would use: Azurite, the bot on Kestrel, the Microsoft 365 Agents
/// Playground pointed at it, and headless Chromium (Debian's) driven by Playwright. The bot runs
/// in the Development environment, as on a developer's machine, so that a journey can move its
/// clock on with <c>POST /api/dev/advance</c>; its storage and secret are still the test's.
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    internal static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        // Without these Chromium keeps trying to reach the internet, which this machine refuses.
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>How long the Playground's page may take to start in a fresh browser context (see <see cref="OpenPlaygroundAsync"/>).</summary>
    private static readonly TimeSpan PlaygroundStartTimeout = TimeSpan.FromMinutes(2);

    private readonly AzuriteFixture _azurite = new();
    private TrustBotHost? _host;
    private WebApplicationFactory<Program>? _bot;
    private PlaygroundFixture? _playground;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The bot's services, to check what it stored.</summary>
    public IServiceProvider Services => _bot!.Services;

    /// <summary>Where the bot listens (on Kestrel), e.g. for the Development-only endpoints.</summary>
    public Uri BotUrl { get; private set; } = null!;

    /// <summary>Where the journeys save their screenshots.</summary>
    public string Screenshots { get; } = RepositoryPaths.TestResults("screenshots");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();

        var botPort = LoopbackPorts.Free();
        BotUrl = new Uri($"http://127.0.0.1:{botPort}/");
        _host = TrustBotHost.OnAzurite(_azurite.ConnectionString, _azurite.UniquePrefix());
        _bot = _host.WithWebHostBuilder(builder => builder.UseEnvironment(Environments.Development));
        _bot.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, botPort));
        _bot.StartServer();

        _playground = await PlaygroundFixture.StartAsync(
            new Uri(BotUrl, "api/messages"),
            Path.Combine(RepositoryPaths.TestResults("playground"), "playground.log"));

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _playground?.Dispose();
        // Disposing the host disposes the Development one derived from it, too.
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    /// <summary>
    /// Moves the bot's clock on through the Development-only hook, which also runs the jobs due by
    /// then; the delivery workers send their cards through the Playground.
    /// </summary>
    public async Task AdvanceBotClockAsync(double hours)
    {
        using var client = new HttpClient { BaseAddress = BotUrl };

        var response = await client.PostAsync(new Uri($"api/dev/advance?hours={hours.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", UriKind.Relative), content: null);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Closes the shared team's open pulse, if any: a journey that needs a run of its own starts clean.</summary>
    public async Task CloseOpenPulseAsync()
    {
        var pulses = Services.GetRequiredService<TrustBot.Pulse.PulseService>();
        if (await pulses.FindOpenRunAsync(PlaygroundPage.TeamId, CancellationToken.None) is { } open)
        {
            await pulses.CloseAsync(open, CancellationToken.None);
        }
    }

    /// <summary>
    /// Opens the Playground in a fresh browser context and waits until it has reached the bot.
    /// Every page load installs the bot in the personal chat, as Teams does on first open.
    /// </summary>
    public async Task<PlaygroundPage> OpenPlaygroundAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(120_000);
        // The page asks a public CDN for fonts; nothing but loopback is reachable here.
        await context.RouteAsync(new System.Text.RegularExpressions.Regex(@"^https?://(?!127\.0\.0\.1|localhost)"), route => route.AbortAsync());
        var page = await context.NewPageAsync();
        // Wait for the Playground to say it reached the bot, not for the page's load event: the app is a
        // 9 MB script that every fresh context downloads and compiles again, which on a busy machine
        // (15–25 s measured at a load average of 25–50 on 2 cores) takes longer than any step a person takes.
        await page.GotoAsync(_playground!.Url.ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByText("Connected.", new() { Exact = true }).First.WaitForAsync(new() { Timeout = (float)PlaygroundStartTimeout.TotalMilliseconds });
        return new PlaygroundPage(page, Screenshots);
    }
}

/// <summary>The end-to-end journeys share one stack.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "End to end";
}
