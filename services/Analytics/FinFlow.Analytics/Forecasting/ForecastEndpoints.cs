using System.Globalization;
using FinFlow.Analytics.Forecasting.Api;
using FinFlow.Analytics.Series;
using FinFlow.ServiceDefaults.Authentication;
using System.Security.Claims;

namespace FinFlow.Analytics.Forecasting;

/// <summary><c>POST /analytics/forecast</c>: the default ensemble with conformal intervals, on a given history or the caller's own cash flow.</summary>
public static class ForecastEndpoints
{
    public const int DefaultHorizon = 30;

    public static IEndpointRouteBuilder MapForecastEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("/analytics/forecast", ForecastAsync)
            .WithTags("Forecasting").RequireAuthorization()
            .Produces<ForecastResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<IResult> ForecastAsync(
        ForecastRequest request, HttpContext context, ClaimsPrincipal user, Forecaster forecaster, IHttpClientFactory clients, TimeProvider time,
        ForecastCache cache, CancellationToken cancellationToken)
    {
        if (!FinFlowUser.TryGetId(user, out var userId)) return TypedResults.Unauthorized();
        // The own-books forecast in its default shape is what dashboards ask for again and again: cached until new data arrives.
        var cacheable = request.Historical is null && request.Horizon is null or DefaultHorizon && request.Frequency is null && request.Levels is null;
        if (cacheable && await cache.GetAsync<ForecastResponse>(userId, cancellationToken) is { } cached) return TypedResults.Ok(cached);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var frequency = Frequency.Daily;
        if (request.Frequency is not null && !Enum.TryParse(request.Frequency, ignoreCase: true, out frequency) || !Enum.IsDefined(frequency))
        {
            errors["frequency"] = ["The frequency is daily, weekly or monthly."];
        }

        var history = request.Historical;
        if (history is null)
        {
            history = await OwnCashFlowHistory.ReadAsync(clients, context.Request.Headers.Authorization.ToString(), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken);
            if (history is null) return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Accounting could not be asked for your cash flow.");
        }

        var points = new List<(DateOnly, decimal)>(history.Count);
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i] is not { } point) errors[$"historical[{i}]"] = ["The point is required."];
            else if (!DateOnly.TryParseExact(point.Ds, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ds)) errors[$"historical[{i}].ds"] = ["Use yyyy-MM-dd."];
            else if (point.Y is not { } y) errors[$"historical[{i}].y"] = ["The value is required."];
            else points.Add((ds, y));
        }

        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        try
        {
            var result = forecaster.Forecast(points, request.Horizon ?? DefaultHorizon, frequency, request.Levels);
            var response = new ForecastResponse(
                result.Forecast.Select(p => new ForecastPointView(p.Ds, p.Yhat, p.Lo80, p.Hi80, p.Lo95, p.Hi95)).ToList(),
                result.Model,
                result.Backtest is { } b ? new ForecastBacktestView(Math.Round(b.Smape, 4), b.Mase is { } m ? Math.Round(m, 4) : null) : null);
            if (cacheable) await cache.SetAsync(userId, response, cancellationToken);
            return TypedResults.Ok(response);
        }
        catch (ForecastValidationException e)
        {
            return TypedResults.ValidationProblem(e.Errors.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        }
    }
}
