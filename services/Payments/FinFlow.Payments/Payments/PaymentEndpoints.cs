using FinFlow.ServiceDefaults.Authentication;
using System.Security.Claims;
using FinFlow.Payments.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace FinFlow.Payments.Payments;

/// <summary><c>GET /payments/{id}</c> and <c>GET /payments</c>: own payments (an admin may read any one by id).</summary>
public static class PaymentEndpoints
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/payments").WithTags("Payments").RequireAuthorization();
        group.MapGet("/{id:guid}", GetAsync);
        group.MapGet("", ListAsync);
        return routes;
    }

    private static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult, UnauthorizedHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, PaymentViews views, CancellationToken cancellationToken)
    {
        if (!FinFlowUser.TryGetId(user, out var userId)) return TypedResults.Unauthorized();
        var row = await PaymentStore.GetAsync(db, id, cancellationToken);
        // Another user's payment answers exactly like a missing one.
        if (row is null || (row.UserId != userId && !FinFlowUser.IsAdmin(user))) return PaymentsProblems.NotFound("The payment");
        return TypedResults.Ok(views.From(row));
    }

    private static async Task<Results<Ok<PaymentPage>, ValidationProblem, UnauthorizedHttpResult>> ListAsync(
        ClaimsPrincipal user, NpgsqlDataSource db, PaymentViews views, CancellationToken cancellationToken,
        string? status = null, Guid? invoiceId = null, int page = 1, int pageSize = 20)
    {
        if (!FinFlowUser.TryGetId(user, out var userId)) return TypedResults.Unauthorized();
        if (status is not null && !PaymentStateMachine.TryParse(status, out _))
        {
            return PaymentsProblems.Field("status", "The status must be PENDING, SUCCEEDED, FAILED, REQUIRES_ACTION, PARTIALLY_REFUNDED or REFUNDED.");
        }

        if (page < 1) return PaymentsProblems.Field("page", "The page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize) return PaymentsProblems.Field("pageSize", $"The page size is between 1 and {MaxPageSize}.");

        var (rows, total) = await PaymentStore.ListAsync(db, userId, status, invoiceId, page, pageSize, cancellationToken);
        return TypedResults.Ok(new PaymentPage(rows.Select(views.From).ToList(), page, pageSize, total));
    }
}
