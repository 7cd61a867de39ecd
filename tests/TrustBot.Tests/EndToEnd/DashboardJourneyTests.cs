using Microsoft.Playwright;
using TrustBot.Domain.Pulse;
using TrustBot.Testing;
using TrustBot.Tests.Dashboard;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Dashboard.DashboardSteps;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.EndToEnd;

/// <summary>Headless Chromium (Debian's) for the dashboard journeys; the tab needs no Playground.</summary>
public sealed class DashboardBrowser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = EndToEndFixture.ChromiumArgs });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>
/// The dashboard tab in a browser against the real host on Kestrel and Azurite, in Development,
/// signed in with the stand-in (outside Teams there is no SSO): what a lead, a member who is not a
/// lead and a team below k see. Screenshots go with the other end-to-end ones.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardJourneyTests(AzuriteFixture azurite, DashboardBrowser browser) : IClassFixture<DashboardBrowser>, IDisposable
{
    private readonly int _port = LoopbackPorts.Free();
    private PulseTestbed? _bed;

    private PulseTestbed Bed => _bed ??= new PulseTestbed(azurite, kestrelPort: _port);

    public void Dispose() => _bed?.Dispose();

    private static string Screenshot(string name) => Path.Combine(RepositoryPaths.TestResults("screenshots"), name);

    private async Task<IPage> OpenAsAsync(string memberId)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 }, AcceptDownloads = true });
        context.SetDefaultTimeout(30_000);
        // Nothing but this host may be asked for anything: the page must need no download from elsewhere.
        var elsewhere = new List<string>();
        await context.RouteAsync(new System.Text.RegularExpressions.Regex($@"^(?!http://127\.0\.0\.1:{_port}/)"), route =>
        {
            elsewhere.Add(route.Request.Url);
            return route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{_port}/tabs/dashboard?standIn={memberId}");
        await page.Locator("main h1").WaitForAsync();
        elsewhere.Should().BeEmpty("the tab loads everything from the bot's own host");
        return page;
    }

    [Fact]
    public async Task A_lead_sees_the_charts_with_their_tables_and_downloads_the_results()
    {
        Bed.Roster = [Lead, Megan, Adele, Isaiah, Joni];
        await Bed.InstallAsync(Lead);
        await Bed.ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 3), (Isaiah, 4));
        await Bed.ClosedPulseAsync((Lead, 5), (Megan, 4), (Adele, 4), (Isaiah, 5), (Joni, 3));
        await Bed.ClosedPulseAsync((Lead, 5), (Megan, 5), (Adele, 4), (Isaiah, 4), (Joni, 4));

        var page = await OpenAsAsync(Lead.MemberId);

        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Trust dashboard: Contoso");
        await Assertions.Expect(page.Locator(".stand-in")).ToContainTextAsync("Development sign-in stand-in");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Trust index over time, 0 to 100" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Participation by pulse, percent of members invited" })).ToBeVisibleAsync();
        foreach (var factor in TrustFactors.All)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = factor.Name + " over time, 1 to 5" })).ToBeVisibleAsync();
        }

        await page.GetByText("Trust index by pulse: as a table").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Trust index by pulse" }).Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#comments ~ ul.comments li")).ToHaveCountAsync(5);
        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-lead.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        download.SuggestedFilename.Should().MatchRegex(@"^trustbot-results-\d{4}-\d{2}-\d{2}\.csv$");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(4, "a header and three pulses");
        csv.Should().NotContain("comment");
    }

    [Fact]
    public async Task A_member_who_is_not_a_lead_sees_the_team_view_without_comments_or_export()
    {
        Bed.Roster = [Lead, Megan, Adele, Isaiah, Joni];
        await Bed.InstallAsync(Lead);
        await Bed.ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 3), (Isaiah, 4), (Joni, 4));

        var page = await OpenAsAsync(Megan.MemberId);

        await Assertions.Expect(page.Locator(".role")).ToContainTextAsync("Member view");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Trust index over time, 0 to 100" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("comment scored");
        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-member.png"), FullPage = true });
    }

    [Fact]
    public async Task A_team_below_k_shows_how_many_answers_are_missing_and_no_chart()
    {
        await Bed.InstallAsync(Lead);
        await Bed.ClosedPulseAsync((Megan, 2), (Adele, 5));

        var page = await OpenAsAsync(Lead.MemberId);

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Not enough answers yet (2 of 3)");
        await Assertions.Expect(page.Locator("main svg")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-below-k.png"), FullPage = true });
    }
}
