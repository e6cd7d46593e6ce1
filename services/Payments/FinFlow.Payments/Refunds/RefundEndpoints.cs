using FinFlow.ServiceDefaults.Authentication;
using System.Security.Claims;
using FinFlow.Payments.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FinFlow.Payments.Refunds;

/// <summary><c>POST /payments/{id}/refund</c> <c>{amount?}</c>: the owner refunds part or all of a settled payment.</summary>
public static class RefundEndpoints
{
    public static IEndpointRouteBuilder MapRefundEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("/payments/{id:guid}/refund", RefundAsync).WithTags("Payments").RequireAuthorization();
        return routes;
    }

    private static async Task<Results<Created<RefundResponse>, ValidationProblem, ProblemHttpResult>> RefundAsync(
        Guid id, [FromBody] RefundRequest? request, ClaimsPrincipal user, RefundFlow refunds, HttpContext context)
    {
        if (!FinFlowUser.TryGetId(user, out var userId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The access token names no user.");
        }

        return await refunds.RefundAsync(userId, id, request?.Amount, context);
    }
}
