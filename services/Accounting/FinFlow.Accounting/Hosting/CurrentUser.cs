using System.Security.Claims;
using FinFlow.ServiceDefaults.Authentication;

namespace FinFlow.Accounting.Hosting;

/// <summary>The caller's user id: the access token's <c>sub</c>. Every query is scoped to it.</summary>
public static class CurrentUser
{
    public static bool TryGetId(ClaimsPrincipal user, out Guid id)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirstValue(FinFlowClaims.Subject), out id) && id != Guid.Empty;
    }
}
