using System.Security.Claims;
using FinFlow.ServiceDefaults.Authentication;

namespace FinFlow.Accounting.Hosting;

/// <summary>
/// Whose books a read request sees: always the caller's own, except that an <c>ADMIN</c> may name another
/// user with <c>?userId=</c>. A non-admin naming someone else is refused rather than silently shown their own.
/// </summary>
public static class OwnerScope
{
    /// <summary>Null when <paramref name="owner"/> is set; otherwise the 401/403 answer to return.</summary>
    public static IResult? TryResolve(ClaimsPrincipal user, Guid? requestedUserId, out Guid owner) =>
        FinFlowUser.ResolveOwner(user, requestedUserId, out owner) switch
        {
            OwnerResolution.Resolved => null,
            OwnerResolution.Unauthenticated => TypedResults.Unauthorized(),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Only administrators may read another user's books.",
                detail: "Remove the userId parameter to read your own."),
        };
}
