using System.Security.Claims;
using FinFlow.Credit.Hosting;

namespace FinFlow.Credit.Decisions;

/// <summary><c>GET /credit/decisions</c>: the audited scores and assessments of the caller (ADMIN: of <c>?userId=</c>), newest first.</summary>
public static class DecisionEndpoints
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapDecisionEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/credit/decisions", ListAsync)
            .WithTags("Decisions").RequireAuthorization()
            .Produces<DecisionPage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, DecisionStore decisions, CancellationToken cancellationToken, string? page = null, string? pageSize = null, string? userId = null)
    {
        if (!QueryValues.TryGuid(userId, out var requested)) return CreditProblems.Field("userId", "The user id must be a UUID.");
        var denied = DecisionScope.TryResolve(user, requested, out var owner);
        if (denied is not null) return denied;
        if (!QueryValues.TryInt(page, 1, out var pageNumber) || pageNumber < 1) return CreditProblems.Field("page", "The page is a whole number from 1.");
        if (!QueryValues.TryInt(pageSize, 20, out var size) || size is < 1 or > MaxPageSize)
        {
            return CreditProblems.Field("pageSize", $"The page size is a whole number between 1 and {MaxPageSize}.");
        }

        var (rows, total) = await decisions.ListAsync(owner, pageNumber, size, cancellationToken);
        return TypedResults.Ok(new DecisionPage(rows.Select(row => row.ToView()).ToList(), pageNumber, size, total));
    }
}
