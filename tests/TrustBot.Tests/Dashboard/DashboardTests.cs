using System.Net;
using System.Text.Json;
using TrustBot.Dashboard;
using TrustBot.Domain.Pulse;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Dashboard.DashboardSteps;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Dashboard;

/// <summary>The dashboard tab over HTTP against the real host on Azurite, signed in with the Development stand-in.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardTests(AzuriteFixture azurite) : IDisposable
{
    private const string Content = "/tabs/dashboard/content";
    private readonly PulseTestbed _bed = new(azurite);

    public void Dispose() => _bed.Dispose();

    private async Task<string> ShownToAsync(string memberId, string path = Content)
    {
        using var client = _bed.CreateClient();
        var response = await client.GetAsAsync(memberId, path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        response.Headers.CacheControl!.NoStore.Should().BeTrue("a dashboard is personal and must not be cached");
        return body;
    }

    private async Task<(HttpStatusCode Status, string Error)> RefusalAsync(string? memberId, string path)
    {
        using var client = _bed.CreateClient();
        var response = await client.GetAsAsync(memberId, path);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        return (response.StatusCode, json.RootElement.GetProperty("error").GetString()!);
    }

    [Fact]
    public async Task A_lead_sees_the_index_participation_and_factors_over_time_as_titled_charts_with_tables_and_the_comments()
    {
        _bed.Roster = [Lead, Megan, Adele, Isaiah, Joni];
        await _bed.InstallAsync(Lead);
        await _bed.ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));
        await _bed.ClosedPulseAsync((Lead, 5), (Megan, 4), (Adele, 4), (Isaiah, 5), (Joni, 3));

        var shown = await ShownToAsync(Lead.MemberId);

        shown.Should().Contain("Trust dashboard: Contoso").And.Contain("You lead this team");
        shown.Should().Contain("Trust index over time").And.Contain("over 2 pulses");
        shown.Should().Contain("<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-index-title chart-index-desc\"");
        shown.Should().Contain("<caption>Trust index by pulse</caption>").And.Contain("<caption>Participation by pulse</caption>");
        shown.Should().Contain("In the latest pulse 5 of 5 answered (100%)");
        foreach (var factor in TrustFactors.All)
        {
            shown.Should().Contain($"<title id=\"chart-{factor.Id}-title\">{WebUtility.HtmlEncode(factor.Name)} over time, 1 to 5</title>");
        }

        shown.Should().Contain("Comments").And.Contain("comment scored 3").And.Contain("Download CSV");
        shown.Should().NotContain(Megan.Name!).And.NotContain(Megan.MemberId, "the dashboard names nobody");
    }

    [Fact]
    public async Task A_member_who_is_not_a_lead_sees_the_team_view_without_comments_or_export_and_may_not_export()
    {
        _bed.Roster = [Lead, Megan, Adele, Isaiah, Joni];
        await _bed.InstallAsync(Lead);
        await _bed.ClosedPulseAsync((Lead, 5), (Megan, 4), (Adele, 4), (Isaiah, 5), (Joni, 3));

        var shown = await ShownToAsync(Megan.MemberId);

        shown.Should().Contain("Trust dashboard: Contoso").And.Contain("Member view").And.Contain("Trust index over time");
        shown.Should().NotContain("comment scored").And.NotContain("Download CSV").And.NotContain("leads only");
        (await RefusalAsync(Megan.MemberId, $"/tabs/dashboard/export?team={Uri.EscapeDataString(_bed.TeamId)}"))
            .Should().Be((HttpStatusCode.Forbidden, "Only a lead of this team can export its results."));
    }

    [Fact]
    public async Task A_team_below_k_shows_how_many_answers_are_missing_and_no_number_at_all()
    {
        await _bed.InstallAsync(Lead);
        await _bed.ClosedPulseAsync((Megan, 2), (Adele, 5));

        var shown = await ShownToAsync(Lead.MemberId);

        shown.Should().Contain("Not enough answers yet (2 of 3)");
        shown.Should().NotContain("<svg").And.NotContain("Trust index over time").And.NotContain("comment scored");
    }

    [Fact]
    public async Task A_pulse_below_k_after_shown_ones_is_left_out_of_every_chart_and_said_to_be_waiting()
    {
        await _bed.InstallAsync(Lead);
        await _bed.ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));
        await _bed.ClosedPulseAsync((Megan, 1), (Adele, 1));

        var shown = await ShownToAsync(Lead.MemberId);

        shown.Should().Contain("One pulse so far: 75 out of 100").And.Contain("not enough answers yet (2 of 3)");
        shown.Should().Contain("2026-11-23").And.NotContain("2026-11-30", "the pulse below k adds no point, no zero and no row");
    }

    [Fact]
    public async Task The_export_has_one_row_per_pulse_that_met_k_with_aggregates_only()
    {
        await _bed.InstallAsync(Lead);
        await _bed.ClosedPulseAsync((Lead, 4), (Megan, 4), (Adele, 4));
        await _bed.ClosedPulseAsync((Megan, 1), (Adele, 1));

        using var client = _bed.CreateClient();
        var response = await client.GetAsAsync(Lead.MemberId, $"/tabs/dashboard/export?team={Uri.EscapeDataString(_bed.TeamId)}");
        var csv = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, csv);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().MatchRegex(@"^trustbot-results-\d{4}-\d{2}-\d{2}\.csv$");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2, "a header and the one pulse that met k");
        lines[0].Should().StartWith("pulse_closed,answered,invited,trust_index,reliability_mean,reliability_spread,");
        lines[1].Should().StartWith("2026-11-23,3,4,75.0,");
        csv.Should().NotContain("comment").And.NotContain("aad-").And.NotContain("Megan");
    }

    [Fact]
    public async Task Nobody_sees_a_team_they_are_not_on_and_a_stranger_sees_no_team()
    {
        await _bed.InstallAsync(Lead);
        await _bed.InstallAsync(Lead, teamId: "19:fabrikam@thread.tacv2");

        (await ShownToAsync(Stranger)).Should().Contain("You are not on a team with TrustBot yet");
        (await RefusalAsync(Stranger, $"{Content}?team={Uri.EscapeDataString(_bed.TeamId)}")).Should().Be((HttpStatusCode.NotFound, DashboardEndpoints.NotYourTeam));
        (await RefusalAsync(Stranger, $"/tabs/dashboard/export?team={Uri.EscapeDataString(_bed.TeamId)}")).Should().Be((HttpStatusCode.NotFound, DashboardEndpoints.NotYourTeam));
        (await RefusalAsync(Lead.MemberId, $"{Content}?team=19%3Anever-installed%40thread.tacv2")).Should().Be((HttpStatusCode.NotFound, DashboardEndpoints.NotYourTeam));
        (await ShownToAsync(Lead.MemberId)).Should().Contain("aria-label=\"Your teams\"", "a lead of two teams can switch between them");
    }

    [Theory]
    [InlineData("?team=a&team=b", "Give one team")]
    [InlineData("?team=19%3Aa%20b", "The team parameter is not a team id")]
    [InlineData("?team=19%3Aa%0Ab", "The team parameter is not a team id")]
    [InlineData("(257 characters)", "at most 256 characters")]
    public async Task A_malformed_team_parameter_gets_400_with_what_is_wrong(string query, string message)
    {
        await _bed.InstallAsync(Lead);
        query = query == "(257 characters)" ? "?team=" + new string('a', DashboardEndpoints.MaxTeamIdLength + 1) : query;

        foreach (var path in new[] { Content, "/tabs/dashboard/export" })
        {
            var (status, error) = await RefusalAsync(Lead.MemberId, path + query);

            status.Should().Be(HttpStatusCode.BadRequest, path);
            error.Should().Contain(message);
        }
    }

    [Fact]
    public async Task The_export_without_a_team_gets_400_saying_which_is_needed()
    {
        await _bed.InstallAsync(Lead);

        (await RefusalAsync(Lead.MemberId, "/tabs/dashboard/export")).Should().Be((HttpStatusCode.BadRequest, "Say which team: add ?team=<the team's id> (the dashboard's export button does)."));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("DevStandIn ")]
    [InlineData("DevStandIn has spaces in it")]
    [InlineData("DevStandIn <script>")]
    public async Task Without_a_valid_sign_in_the_data_gets_401_with_how_to_sign_in(string? authorization)
    {
        using var client = _bed.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Content, UriKind.Relative));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"error\":").And.Contain("Authorization:");
    }

    [Fact]
    public async Task The_page_in_Development_carries_the_marked_stand_in_and_loads_the_Teams_SDK_from_this_host()
    {
        using var client = _bed.CreateClient();

        var response = await client.GetAsync(new Uri("/tabs/dashboard", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Should().Contain("Development sign-in stand-in").And.Contain("absent outside the Development environment");
        page.Should().Contain("<script src=\"/tabs/dashboard/assets/teams-js.js\">").And.NotContain("https://");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'").And.Contain("frame-ancestors 'self' https://teams.microsoft.com");
    }

    [Fact]
    public async Task The_configuration_page_Teams_shows_when_the_tab_is_added_loads_the_SDK_and_its_script_from_this_host()
    {
        using var client = _bed.CreateClient();

        var page = await client.GetStringAsync(new Uri("/tabs/dashboard/configure", UriKind.Relative));
        var script = await client.GetStringAsync(new Uri("/tabs/dashboard/assets/configure.js", UriKind.Relative));

        page.Should().Contain("<script src=\"/tabs/dashboard/assets/teams-js.js\">").And.Contain("/tabs/dashboard/assets/configure.js");
        script.Should().Contain("registerOnSaveHandler").And.Contain("setValidityState(true)");
    }

    [Fact]
    public async Task The_vendored_Teams_SDK_is_the_npm_package_s_own()
    {
        using var client = _bed.CreateClient();

        var served = await client.GetByteArrayAsync(new Uri("/tabs/dashboard/assets/teams-js.js", UriKind.Relative));
        var npm = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.NodeModules, "@microsoft", "teams-js", "dist", "umd", "MicrosoftTeams.min.js"));
        using var package = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "package.json")));

        served.Should().Equal(npm, "the script the tab loads is the one package.json pins");
        package.RootElement.GetProperty("devDependencies").GetProperty("@microsoft/teams-js").GetString().Should().Be(DashboardAssets.TeamsJsVersion);
        (await client.GetAsync(new Uri("/tabs/dashboard/assets/..%2Fappsettings.json", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
