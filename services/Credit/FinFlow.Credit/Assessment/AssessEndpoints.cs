using System.Security.Claims;
using FinFlow.Credit.Assessment.Books;
using FinFlow.Credit.Decisions;
using FinFlow.Credit.Hosting;
using FinFlow.Credit.Money;
using FinFlow.ServiceDefaults.Authentication;

namespace FinFlow.Credit.Assessment;

/// <summary>
/// <c>POST /credit/assess</c>: read the caller's own books (accounting, and analytics' forecast when it answers),
/// derive the features, score them and audit the assessment; offers are priced from the latest one.
/// </summary>
public static class AssessEndpoints
{
    public static IEndpointRouteBuilder MapAssessEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("/credit/assess", AssessAsync)
            .WithTags("Assessment").RequireAuthorization()
            .Produces<AssessResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<IResult> AssessAsync(
        HttpContext context, ClaimsPrincipal user, CreditModelHost host, BooksReader books, ForecastReader forecasts, DecisionStore decisions,
        TimeProvider time, CancellationToken cancellationToken, string? currency = null)
    {
        if (!FinFlowUser.TryGetId(user, out var userId)) return TypedResults.Unauthorized();
        if (currency is not null && !MinorUnits.IsCurrencyCode(currency)) return CreditProblems.Field("currency", "The currency is an ISO 4217 code such as USD.");
        if (host.Model is not { } model) return CreditProblems.ModelNotLoaded();
        var authorization = context.Request.Headers.Authorization.ToString();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        // The forecast is optional and slower; it runs while the books are read and is dropped if they cannot be.
        using var forecastCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var forecastTask = forecasts.P10Async(authorization, forecastCancellation.Token);
        var read = await books.ReadAsync(authorization, currency, today, cancellationToken);
        if (read.Books is not { } snapshot)
        {
            await forecastCancellation.CancelAsync();
            await ObserveAsync(forecastTask);
            return read.CurrencyError is { } error ? CreditProblems.Field("currency", error) : CreditProblems.AccountingUnavailable();
        }

        var features = BookFeatures.Derive(snapshot, today);
        var assessment = model.Score(features);
        var booksCurrency = snapshot.CashFlow.Currency;
        var p10 = await forecastTask is { } forecast ? MinorUnits.Round(forecast, booksCurrency) : (decimal?)null;
        var decision = await decisions.RecordAsync(
            DecisionKind.Assess, userId, features, assessment, new AssessmentCapacity(booksCurrency, features.AvgCashflow!.Value, p10), cancellationToken);
        return TypedResults.Ok(new AssessResponse(
            assessment.CreditScore, assessment.ProbabilityOfDefault, assessment.RiskBand, assessment.Reasons, assessment.ModelVersion,
            decision.Id, features, booksCurrency, p10, decision.CreatedAt));
    }

    private static async Task ObserveAsync(Task<decimal?> forecast)
    {
        try
        {
            await forecast;
        }
        catch (OperationCanceledException)
        {
            // Cancelled on purpose: the assessment is not going ahead.
        }
    }
}
