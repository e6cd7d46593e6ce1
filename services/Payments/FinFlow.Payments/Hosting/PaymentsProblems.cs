using FinFlow.Accounting.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinFlow.Payments.Hosting;

/// <summary>The service's problem answers (RFC 7807) for routes whose answers are not stored under an idempotency key.</summary>
public static class PaymentsProblems
{
    public const string ValidationTitle = "One or more validation errors occurred.";

    public static ValidationProblem Validation(IEnumerable<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byField = errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(byField, title: ValidationTitle);
    }

    public static ValidationProblem Field(string field, string message) => Validation([new ValidationError(field, message)]);

    /// <summary>A well-formed request the current state refuses (more than is left, another currency): 422 naming the field.</summary>
    public static ProblemHttpResult Unprocessable(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The request cannot be carried out.",
        });

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} was not found.");

    public static ProblemHttpResult Conflict(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult Unavailable(HttpContext context, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail);
    }
}
