using System.Security.Claims;
using FinFlow.Auth.Audit;
using FinFlow.Auth.Hosting;
using FinFlow.Auth.Tokens;
using FinFlow.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinFlow.Auth.Sessions;

/// <summary>Login, refresh and logout under <c>/auth</c>.</summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/auth").WithTags("Sessions");
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(CredentialRateLimiting.PolicyName);
        group.MapPost("/refresh", RefreshAsync).AllowAnonymous();
        group.MapPost("/logout", LogoutAsync).RequireAuthorization();
        return routes;
    }

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, LoginService logins, AccessTokenIssuer issuer, HttpContext context)
    {
        var outcome = await logins.LoginAsync(request.Email!.Trim(), request.Password!, RequestOrigin.From(context));
        if (outcome.LockedFor is { } lockedFor)
        {
            return AuthProblems.TooManyAttempts(context, lockedFor, "The account is locked after repeated failed logins.");
        }

        if (outcome.User is null) return AuthProblems.InvalidCredentials();
        return TypedResults.Ok(new TokenPair(issuer.Issue(outcome.User), outcome.RefreshToken!, (int)issuer.Lifetime.TotalSeconds));
    }

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, RefreshTokenService refreshTokens, AccessTokenIssuer issuer, HttpContext context)
    {
        var outcome = await refreshTokens.RotateAsync(request.RefreshToken!, RequestOrigin.From(context));
        if (outcome.Status != RefreshStatus.Rotated) return AuthProblems.InvalidRefreshToken();
        return TypedResults.Ok(new TokenPair(issuer.Issue(outcome.User!), outcome.NewToken!, (int)issuer.Lifetime.TotalSeconds));
    }

    /// <summary>Always 204: logging out twice, or with a token already revoked, is not an error.</summary>
    private static async Task<NoContent> LogoutAsync(
        RefreshRequest request, RefreshTokenService refreshTokens, ClaimsPrincipal principal, HttpContext context)
    {
        if (Guid.TryParse(principal.FindFirstValue(FinFlowClaims.Subject), out var userId))
        {
            await refreshTokens.RevokeFamilyAsync(request.RefreshToken!, userId, RequestOrigin.From(context));
        }

        return TypedResults.NoContent();
    }
}
