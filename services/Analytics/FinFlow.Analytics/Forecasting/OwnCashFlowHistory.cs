using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FinFlow.Contracts;

namespace FinFlow.Analytics.Forecasting;

/// <summary>
/// The caller's daily net cash flow over the last year, asked from accounting through Dapr service
/// invocation with the caller's own token, so accounting's ownership rules decide what is visible.
/// </summary>
public static class OwnCashFlowHistory
{
    public const int Days = 365;

    /// <summary>The series, or null when accounting could not be asked (then the caller answers 503).</summary>
    public static async Task<IReadOnlyList<HistoryPoint?>?> ReadAsync(
        IHttpClientFactory clients, string authorization, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var client = clients.CreateClient(AppIds.Accounting);
        var from = today.AddDays(-Days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"accounting/reports/cash-flow?from={from}&to={to}&granularity=day");
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.BadRequest) return []; // several currencies: no single series to forecast
            if (!response.IsSuccessStatusCode) return null;
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (body.RootElement.GetProperty("currency").ValueKind == JsonValueKind.Null) return [];
            return body.RootElement.GetProperty("points").EnumerateArray()
                .Select(p => (HistoryPoint?)new HistoryPoint(p.GetProperty("period").GetString(), p.GetProperty("net").GetDecimal()))
                .ToList();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
