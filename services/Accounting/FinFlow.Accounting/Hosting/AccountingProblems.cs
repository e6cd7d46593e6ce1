using FinFlow.Accounting.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinFlow.Accounting.Hosting;

/// <summary>The service's 400 and 404 answers, as RFC 7807 problem details.</summary>
public static class AccountingProblems
{
    public static ValidationProblem Validation(IEnumerable<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byField = errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(byField, title: "One or more validation errors occurred.");
    }

    public static ValidationProblem Field(string field, string message) => Validation([new ValidationError(field, message)]);

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} was not found.");
}
