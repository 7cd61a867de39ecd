using System.Security.Claims;

namespace TrustBot.Dashboard;

/// <summary>The person the dashboard is for, as their validated sign-in names them.</summary>
/// <param name="MemberId">Their Microsoft Entra object id (<c>oid</c>), the id rosters and roles are stored under.</param>
/// <param name="TenantId">Their tenant (<c>tid</c>); null only for the Development sign-in stand-in, which names none.</param>
public sealed record DashboardUser(string MemberId, string? TenantId)
{
    /// <summary>The claim that carries the object id.</summary>
    public const string ObjectIdClaim = "oid";

    /// <summary>The claim that carries the tenant id.</summary>
    public const string TenantIdClaim = "tid";

    /// <summary>The signed-in person, or null when the principal names no object id.</summary>
    public static DashboardUser? Of(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(ObjectIdClaim)?.Value is { Length: > 0 } memberId
            ? new DashboardUser(memberId, principal.FindFirst(TenantIdClaim)?.Value)
            : null;
    }
}
