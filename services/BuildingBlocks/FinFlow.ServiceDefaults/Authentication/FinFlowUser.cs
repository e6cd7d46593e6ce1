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

    /// <summary>
    /// Whose data a read request sees: the caller's own, except that an <c>ADMIN</c> may name another user
    /// (<c>?userId=</c>). A non-admin naming someone else is <see cref="OwnerResolution.Forbidden"/>, never
    /// silently shown their own. <paramref name="owner"/> is set only when the answer is Resolved.
    /// </summary>
    public static OwnerResolution ResolveOwner(ClaimsPrincipal user, Guid? requestedUserId, out Guid owner)
    {
        owner = Guid.Empty;
        if (!TryGetId(user, out var caller)) return OwnerResolution.Unauthenticated;
        if (requestedUserId is null || requestedUserId == caller)
        {
            owner = caller;
            return OwnerResolution.Resolved;
        }

        if (!IsAdmin(user)) return OwnerResolution.Forbidden;
        owner = requestedUserId.Value;
        return OwnerResolution.Resolved;
    }

    public static bool IsAdmin(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(FinFlowClaims.Role).Any(claim => string.Equals(claim.Value, FinFlowRoles.Admin, StringComparison.Ordinal));
    }
}
