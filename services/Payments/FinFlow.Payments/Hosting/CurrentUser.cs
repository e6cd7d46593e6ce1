using System.Security.Claims;
using FinFlow.ServiceDefaults.Authentication;

namespace FinFlow.Payments.Hosting;

/// <summary>The caller: the access token's <c>sub</c>, and whether it is an admin (who may read anyone's payment).</summary>
public static class CurrentUser
{
    public static bool TryGetId(ClaimsPrincipal user, out Guid id)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirstValue(FinFlowClaims.Subject), out id) && id != Guid.Empty;
    }

    public static bool IsAdmin(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(FinFlowRoles.Admin);
    }
}
