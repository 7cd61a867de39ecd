using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TrustBot.Dashboard;

/// <summary>
/// DEVELOPMENT ONLY: a stand-in for Teams single sign-on, so that the tab can be tried in a plain
/// browser and tested locally: <c>Authorization: DevStandIn &lt;Entra object id&gt;</c> signs in as that
/// person, unchecked. It is registered only in the Development environment (see
/// <see cref="DashboardRegistration"/>); elsewhere the header is an unknown scheme and gets 401.
/// </summary>
public sealed partial class DevelopmentStandIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name, also the Authorization header's scheme.</summary>
    public const string SchemeName = "DevStandIn";

    /// <summary>What a malformed stand-in header is told.</summary>
    public const string Malformed = "Development sign-in stand-in: send 'Authorization: DevStandIn <object id>' with an Entra object id of letters, digits and dashes (at most 64).";

    /// <summary>Whether the request uses the stand-in's header.</summary>
    public static bool IsStandInRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Authorization.ToString().StartsWith(SchemeName + " ", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var memberId = Request.Headers.Authorization.ToString()[(SchemeName.Length + 1)..].Trim();
        if (!ObjectId().IsMatch(memberId))
        {
            return Task.FromResult(AuthenticateResult.Fail(Malformed));
        }

        var identity = new ClaimsIdentity([new Claim(DashboardUser.ObjectIdClaim, memberId)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        DashboardSignIn.WriteProblemAsync(Response, StatusCodes.Status401Unauthorized, Malformed);

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex ObjectId();
}
