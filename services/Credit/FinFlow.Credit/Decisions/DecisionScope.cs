using System.Security.Claims;
using FinFlow.Credit.Hosting;
using FinFlow.ServiceDefaults.Authentication;

namespace FinFlow.Credit.Decisions;

/// <summary>
/// Whose decisions a request reads: the caller's own, except that an <c>ADMIN</c> may name anyone with
/// <c>?userId=</c>. A user naming someone else is refused (403), never silently shown their own.
/// </summary>
public static class DecisionScope
{
    /// <summary>Null when <paramref name="owner"/> is set; otherwise the 401 or 403 to answer.</summary>
    public static IResult? TryResolve(ClaimsPrincipal user, Guid? requestedUserId, out Guid owner) =>
        FinFlowUser.ResolveOwner(user, requestedUserId, out owner) switch
        {
            OwnerResolution.Resolved => null,
            OwnerResolution.Unauthenticated => TypedResults.Unauthorized(),
            _ => CreditProblems.OtherUsersDecisions(),
        };
}
