using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FinFlow.Contracts;

namespace FinFlow.Credit.Assessment;

/// <summary>
/// The P10 of the caller's net cash flow over the next 30 days, from analytics' forecast of their own daily cash flow
/// (<c>POST analytics/forecast</c> with <c>{}</c>: no history given, so analytics reads the caller's books with the
/// same forwarded token). Each day's lower 80% bound is its 10th percentile; their sum is taken as the 30-day P10,
/// which is conservative: days do not all fall to their tenth percentile together. Optional: any failure gives null.
/// </summary>
public sealed partial class ForecastReader(IHttpClientFactory clients, ILogger<ForecastReader> logger)
{
    public const int HorizonDays = 30;

    public async Task<decimal?> P10Async(string authorization, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(authorization);
        var http = clients.CreateClient(AppIds.Analytics);
        using var request = new HttpRequestMessage(HttpMethod.Post, "analytics/forecast")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogNoForecast(logger, (int)response.StatusCode);
                return null;
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (!body.RootElement.TryGetProperty("forecast", out var forecast) || forecast.ValueKind != JsonValueKind.Array) return null;
            var lows = forecast.EnumerateArray()
                .Select(point => point.TryGetProperty("lo80", out var low) && low.ValueKind == JsonValueKind.Number ? low.GetDecimal() : (decimal?)null)
                .ToList();
            // A shorter horizon or a missing bound is not a 30-day P10: better none than a wrong one.
            return lows.Count == HorizonDays && lows.All(low => low is not null) ? lows.Sum() : null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or FormatException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics answered {StatusCode} to the forecast; assessing without it")]
    private static partial void LogNoForecast(ILogger logger, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics could not be asked for a forecast; assessing without it")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
