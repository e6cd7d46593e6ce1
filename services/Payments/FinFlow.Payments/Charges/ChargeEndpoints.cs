using FinFlow.ServiceDefaults.Authentication;
using System.Security.Claims;
using FinFlow.Accounting.Domain;
using FinFlow.Payments.Audit;
using FinFlow.Payments.Hosting;
using FinFlow.Payments.Payments;
using Microsoft.AspNetCore.Mvc;

namespace FinFlow.Payments.Charges;

/// <summary><c>POST /payments/charge</c>: pays (part of) one of the caller's invoices, once per <c>Idempotency-Key</c>.</summary>
public static class ChargeEndpoints
{
    public static IEndpointRouteBuilder MapChargeEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("/payments/charge", ChargeAsync)
            .WithTags("Payments")
            .RequireAuthorization()
            .Accepts<ChargeRequest>("application/json")
            .Produces<PaymentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<IResult> ChargeAsync(
        HttpContext context, [FromBody] ChargeRequest? request, ClaimsPrincipal user, ChargeFlow flow, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!FinFlowUser.TryGetId(user, out var userId)) return TypedResults.Unauthorized();
        var errors = new List<ValidationError>();
        var key = IdempotencyKeyHeader.Read(context.Request, out var keyProblem);
        if (keyProblem is not null) errors.Add(new ValidationError(IdempotencyKeyHeader.Field, keyProblem));
        ChargeCommand? command = null;
        try
        {
            command = ChargeCommand.From(request);
        }
        catch (DomainValidationException e)
        {
            errors.AddRange(e.Errors);
        }

        if (errors.Count > 0)
        {
            await audit.WriteAsync(AuditActions.Charge, "invalid", userId, null, new { fields = errors.Select(e => e.Field).Distinct().ToArray() }, CancellationToken.None);
            return PaymentsProblems.Validation(errors);
        }

        // Authentication accepted a bearer token, so the header holds one; it is passed on to accounting as is.
        var authorization = context.Request.Headers.Authorization.ToString();
        var bearer = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : authorization;
        return await flow.ChargeAsync(userId, bearer, key!, command!, cancellationToken);
    }
}
