using System.Security.Claims;

namespace FinFlow.ServiceDefaults.Authentication;

/// <summary>The caller's user id (the access token's <c>sub</c>) and role checks, the same in every service.</summary>
public static class FinFlowUser
{
    public static bool TryGetId(ClaimsPrincipal user, out Guid id)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirstValue(FinFlowClaims.Subject), out id) && id != Guid.Empty;
    }

    public static bool IsAdmin(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(FinFlowClaims.Role).Any(claim => string.Equals(claim.Value, FinFlowRoles.Admin, StringComparison.Ordinal));
    }
}
