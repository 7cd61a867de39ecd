using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TrustBot.Bot;

namespace TrustBot.Dashboard;

/// <summary>
/// How the tab's requests are authenticated: the Teams single sign-on token (<c>getAuthToken</c>)
/// as a bearer token, checked by ASP.NET Core's JWT bearer handler against Microsoft Entra's
/// signing keys: signature, lifetime, audience (the app id or its Application ID URI), issuer
/// (Entra's v1 or v2 issuer of the token's own tenant) and tenant (<c>Bot:AllowedTenants</c>).
/// In Development only, <see cref="DevelopmentStandIn"/> may stand in for it.
/// </summary>
public static class DashboardSignIn
{
    /// <summary>The scheme the dashboard's endpoints require: picks Teams SSO or, in Development, the stand-in.</summary>
    public const string Scheme = "Dashboard";

    /// <summary>The JWT bearer scheme that validates Teams SSO tokens.</summary>
    public const string TeamsSsoScheme = "TeamsSso";

    /// <summary>Where Entra publishes its signing keys, for every tenant.</summary>
    public const string MetadataAddress = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>What a request without a valid token is told.</summary>
    public const string SignInRequired =
        "Sign-in required: send the Teams single sign-on token for this app as 'Authorization: Bearer <token>'. It was missing, expired, for another app or tenant, or not signed by Microsoft Entra.";

    /// <summary>Registers the schemes (the stand-in only when <paramref name="development"/>).</summary>
    public static void AddDashboardSignIn(this IServiceCollection services, bool development)
    {
        var authentication = services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Dashboard sign-in", policy => policy.ForwardDefaultSelector = context =>
                development && DevelopmentStandIn.IsStandInRequest(context.Request) ? DevelopmentStandIn.SchemeName : TeamsSsoScheme)
            .AddJwtBearer(TeamsSsoScheme, options =>
            {
                options.MetadataAddress = MetadataAddress;
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents { OnChallenge = WriteSignInRequiredAsync };
            });
        if (development)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, DevelopmentStandIn>(DevelopmentStandIn.SchemeName, "Development sign-in stand-in", _ => { });
        }

        services.AddOptions<JwtBearerOptions>(TeamsSsoScheme)
            .Configure<IOptions<BotCredentials>, IOptions<DashboardOptions>, IOptions<BotAccessOptions>>((options, bot, dashboard, access) =>
            {
                var parameters = options.TokenValidationParameters;
                parameters.ValidAudiences = [.. new[] { bot.Value.MicrosoftAppId, dashboard.Value.ApplicationIdUri, dashboard.Value.AppIdOfApplicationIdUri() }.Where(audience => !string.IsNullOrEmpty(audience))];
                parameters.ValidateAudience = true;
                parameters.ValidateLifetime = true;
                parameters.RequireSignedTokens = true;
                parameters.IssuerValidator = (issuer, token, _) => ValidateIssuer(issuer, token, access.Value);
            });
        services.AddAuthorizationBuilder().AddPolicy(Scheme, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(DashboardUser.ObjectIdClaim));
    }

    /// <summary>
    /// The token's issuer, when it is Microsoft Entra's for the tenant the token names and that
    /// tenant is served; otherwise the token is refused. Entra issues v1 tokens
    /// (<c>https://sts.windows.net/{tid}/</c>) or v2 ones (<c>https://login.microsoftonline.com/{tid}/v2.0</c>)
    /// depending on the app's accessTokenAcceptedVersion: both are accepted.
    /// </summary>
    public static string ValidateIssuer(string issuer, SecurityToken token, BotAccessOptions access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var tenant = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>(DashboardUser.TenantIdClaim, out var tid) ? tid : null;
        if (!Guid.TryParse(tenant, out var tenantId))
        {
            throw new SecurityTokenInvalidIssuerException("The token names no tenant (tid).");
        }

        var expected = new[] { $"https://login.microsoftonline.com/{tenantId:D}/v2.0", $"https://sts.windows.net/{tenantId:D}/" };
        if (!expected.Contains(issuer, StringComparer.Ordinal))
        {
            throw new SecurityTokenInvalidIssuerException("The token's issuer is not Microsoft Entra for its own tenant.");
        }

        return access.Serves(tenant) ? issuer : throw new SecurityTokenInvalidIssuerException("This TrustBot deployment does not serve the token's tenant (Bot:AllowedTenants).");
    }

    /// <summary>Answers 401 with a plain reason, instead of an empty body.</summary>
    private static async Task WriteSignInRequiredAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        await WriteProblemAsync(context.Response, StatusCodes.Status401Unauthorized, SignInRequired).ConfigureAwait(false);
    }

    /// <summary>Writes <c>{"error": message}</c> with the status, as every other refusal of the host does.</summary>
    internal static Task WriteProblemAsync(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        response.Headers.WWWAuthenticate = "Bearer";
        return response.WriteAsJsonAsync(new { error = message }, JsonSerializerOptions.Web);
    }
}
