using FinFlow.Credit.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinFlow.Credit.Hosting;

/// <summary>The service's error answers as RFC 7807 problem details; validation errors name camelCase fields.</summary>
public static class CreditProblems
{
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static ValidationProblem Input(CreditInputException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return TypedResults.ValidationProblem(exception.Errors.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));
    }

    public static ProblemHttpResult ModelNotLoaded() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "The credit model is not loaded.",
        detail: "See /readyz; the service scores again once its model loads.");

    public static ProblemHttpResult AccountingUnavailable() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Accounting could not be asked for your books.",
        detail: "Try again shortly; nothing was assessed or stored.");

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult OtherUsersDecisions() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Only administrators may read another user's decisions.",
        detail: "Remove the userId parameter to read your own.");
}
