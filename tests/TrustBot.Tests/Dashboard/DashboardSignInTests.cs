using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using TrustBot.Dashboard;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;

namespace TrustBot.Tests.Dashboard;

/// <summary>
/// Teams single sign-on outside Development: the host in Production, its Entra signing keys replaced
/// by the test's (the one true boundary: nothing is fetched), tokens made as Entra makes them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardSignInTests : IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string SsoAppId = "66666666-7777-8888-9999-000000000000";
    private const string AppIdUri = "api://trustbot.contoso.com/" + SsoAppId;
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string OtherTenant = "0a0a0a0a-1111-2222-3333-444444444444";
    private const string LeadId = "0f1e2d3c-aaaa-bbbb-cccc-000000000001";
    private const string TeamId = "19:contoso-general@thread.tacv2";

    private readonly AzuriteFixture _azurite;
    private readonly RsaSecurityKey _entraKey = new(RSA.Create(2048)) { KeyId = "entra" };
    private readonly TrustBotHost _host;

    public DashboardSignInTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        var configuration = new OpenIdConnectConfiguration();
        configuration.SigningKeys.Add(_entraKey);
        _host = TrustBotHost.OnAzurite(
            azurite.ConnectionString,
            azurite.UniquePrefix(),
            appId: AppId,
            testServices: services => services.PostConfigure<JwtBearerOptions>(DashboardSignIn.TeamsSsoScheme, options =>
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration)),
            extra: new Dictionary<string, string?>
            {
                ["Dashboard:ApplicationIdUri"] = AppIdUri,
                ["Bot:AllowedTenants:0"] = Tenant,
                ["Bot:AllowedTenants:1"] = OtherTenant,
            });
    }

    public void Dispose() => _host.Dispose();

    private async Task InstalledWithLeadAsync(string tenant = Tenant)
    {
        var teams = _host.Services.GetRequiredService<ITeamStore>();
        await teams.SaveTeamAsync(new Team(TeamId, tenant, "Contoso", TeamKind.Team, TeamId, "https://smba.example/", DateTimeOffset.UtcNow), CancellationToken.None);
        await teams.SaveMembershipAsync(new Membership(LeadId, TeamId, TeamRole.Lead, "Lynne"), CancellationToken.None);
    }

    private string Token(string? audience = AppIdUri, string tenant = Tenant, string? issuer = null, SecurityKey? key = null, DateTime? expires = null, string objectId = LeadId)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Audience = audience,
            Issuer = issuer ?? $"https://login.microsoftonline.com/{tenant}/v2.0",
            Claims = new Dictionary<string, object> { ["oid"] = objectId, ["tid"] = tenant, ["name"] = "Lynne Robbins" },
            NotBefore = now.AddMinutes(-10),
            IssuedAt = now.AddMinutes(-10),
            Expires = expires ?? now.AddMinutes(50),
            SigningCredentials = new SigningCredentials(key ?? _entraKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task<HttpResponseMessage> ContentAsync(string scheme, string credential)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/tabs/dashboard/content", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, credential);
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData(AppIdUri)]
    [InlineData(SsoAppId)]
    [InlineData(AppId)]
    public async Task A_Teams_token_for_this_app_shows_the_person_their_team(string audience)
    {
        await InstalledWithLeadAsync();

        var response = await ContentAsync("Bearer", Token(audience));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Trust dashboard: Contoso").And.Contain("You lead this team");
    }

    [Theory]
    [InlineData("https://trustbot.contoso.com/" + AppId)]
    [InlineData("trustbot.contoso.com/" + AppId)]
    [InlineData("api://")]
    public void An_Application_ID_URI_that_is_not_an_api_URI_stops_the_host(string uri)
    {
        using var host = TrustBotHost.OnAzurite(
            _azurite.ConnectionString, _azurite.UniquePrefix(), appId: AppId, extra: new Dictionary<string, string?> { ["Dashboard:ApplicationIdUri"] = uri });

        var starting = () => host.CreateClient();

        starting.Should().Throw<Exception>().Which.Message.Should().Contain("Dashboard:ApplicationIdUri must be empty or the Entra app's Application ID URI, api://<host>/<app id>");
    }

    [Fact]
    public async Task A_v1_token_from_the_tenant_s_own_issuer_is_accepted_too()
    {
        await InstalledWithLeadAsync();

        (await ContentAsync("Bearer", Token(issuer: $"https://sts.windows.net/{Tenant}/"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public static TheoryData<string> Refused => ["another app's audience", "another tenant's issuer", "a tenant not served", "expired", "signed by someone else", "no object id"];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_token_that_is_not_valid_for_this_app_and_tenant_gets_401_with_how_to_sign_in(string flaw)
    {
        await InstalledWithLeadAsync();
        var token = flaw switch
        {
            "another app's audience" => Token(audience: "api://evil.example/99999999-2222-3333-4444-555555555555"),
            "another tenant's issuer" => Token(issuer: $"https://login.microsoftonline.com/{OtherTenant}/v2.0"),
            "a tenant not served" => Token(tenant: "12345678-1234-1234-1234-123456789012"),
            "expired" => Token(expires: DateTime.UtcNow.AddMinutes(-6)),
            "signed by someone else" => Token(key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "entra" }),
            "no object id" => Token(objectId: ""),
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };

        var response = await ContentAsync("Bearer", token);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, flaw);
        (await response.Content.ReadAsStringAsync()).Should().Contain(DashboardSignIn.SignInRequired.Split(':')[0]);
    }

    [Fact]
    public async Task A_person_of_another_tenant_does_not_see_a_team_of_this_one_even_with_a_role_there()
    {
        await InstalledWithLeadAsync(tenant: Tenant);

        var response = await ContentAsync("Bearer", Token(tenant: OtherTenant));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("You are not on a team with TrustBot yet");
    }

    [Fact]
    public async Task In_Production_the_sign_in_stand_in_does_not_exist_a_forged_stand_in_is_refused_and_the_page_has_no_trace_of_it()
    {
        await InstalledWithLeadAsync();

        var forged = await ContentAsync(DevelopmentStandIn.SchemeName, LeadId);
        using var client = _host.CreateClient();
        var page = await client.GetStringAsync(new Uri("/tabs/dashboard", UriKind.Relative));
        var export = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri($"/tabs/dashboard/export?team={Uri.EscapeDataString(TeamId)}", UriKind.Relative))
        {
            Headers = { Authorization = new AuthenticationHeaderValue(DevelopmentStandIn.SchemeName, LeadId) },
        });

        forged.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await forged.Content.ReadAsStringAsync()).Should().Contain("Sign-in required").And.NotContain("Contoso");
        export.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        page.Should().NotContain("stand-in").And.NotContain("standIn").And.Contain("<main id=\"dashboard\"");
        _host.Services.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>()
            .GetSchemeAsync(DevelopmentStandIn.SchemeName).Result.Should().BeNull("the stand-in is not even registered outside Development");
    }
}
