using System.Security.Claims;
using FinFlow.Accounting.Hosting;
using Npgsql;

namespace FinFlow.Accounting.Payments;

/// <summary><c>GET /accounting/unmatched-payments</c>: payments held in Suspense, newest first, for a person to resolve.</summary>
public static class UnmatchedPaymentEndpoints
{
    public static IEndpointRouteBuilder MapUnmatchedPaymentEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/accounting/unmatched-payments", ListAsync)
            .WithTags("Payments").RequireAuthorization()
            .Produces<IReadOnlyList<UnmatchedPaymentView>>().ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken, Guid? userId = null)
    {
        var denied = OwnerScope.TryResolve(user, userId, out var owner);
        if (denied is not null) return denied;
        return TypedResults.Ok(await PaymentStore.UnmatchedAsync(db, owner, cancellationToken));
    }
}
