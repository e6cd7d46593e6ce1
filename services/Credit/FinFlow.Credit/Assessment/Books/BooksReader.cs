using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Contracts;
using FinFlow.Contracts.Events;
using Microsoft.Extensions.Options;

namespace FinFlow.Credit.Assessment.Books;

/// <summary>
/// Reads the caller's own books from accounting through Dapr service invocation, forwarding the caller's bearer
/// token so accounting's ownership rules decide what is visible. The number of calls is bounded: one page of the
/// latest invoices, one more page for the date of the first invoice when there are more, one read per paid invoice
/// of that page (for its payment dates), the monthly cash flow and the trial balance.
/// </summary>
public sealed partial class BooksReader(IHttpClientFactory clients, IOptions<AssessmentOptions> options, ILogger<BooksReader> logger)
{
    public const int WindowMonths = 12;

    public async Task<BooksRead> ReadAsync(string authorization, string? currency, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(authorization);
        var http = clients.CreateClient(AppIds.Accounting);
        var sample = Math.Clamp(options.Value.InvoiceSample, 1, 100);
        var windowStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-(WindowMonths - 1));
        var currencyQuery = currency is null ? "" : $"currency={Uri.EscapeDataString(currency)}";
        try
        {
            var pageTask = GetAsync<AccountingInvoicePage>(http, authorization, $"accounting/invoices?pageSize={sample}&page=1", cancellationToken);
            var cashFlowTask = GetAsync<AccountingCashFlow>(http, authorization,
                $"accounting/reports/cash-flow?from={Iso(windowStart)}&to={Iso(today)}&granularity=month{(currency is null ? "" : "&" + currencyQuery)}", cancellationToken);
            var balanceTask = GetAsync<AccountingTrialBalance>(http, authorization,
                $"accounting/trial-balance{(currency is null ? "" : "?" + currencyQuery)}", cancellationToken);
            await Task.WhenAll(pageTask, cashFlowTask, balanceTask);
            var (page, cashFlow, balance) = (pageTask.Result, cashFlowTask.Result, balanceTask.Result);
            var currencyError = cashFlow.Error ?? balance.Error;
            if (currencyError is not null) return new BooksRead(null, currencyError);
            if (page.Value is null || cashFlow.Value is null || balance.Value is null) return BooksRead.Unavailable;

            var invoices = await WithPaymentsAsync(http, authorization, page.Value.Items, cancellationToken);
            if (invoices is null) return BooksRead.Unavailable;
            var firstInvoiceAt = page.Value.Items.Count == 0 ? (DateTimeOffset?)null : page.Value.Items.Min(invoice => invoice.CreatedAt);
            if (page.Value.Total > page.Value.Items.Count)
            {
                // Newest first, so the last page ends with the first invoice ever issued.
                var lastPage = (int)((page.Value.Total + sample - 1) / sample);
                var oldest = await GetAsync<AccountingInvoicePage>(http, authorization, $"accounting/invoices?pageSize={sample}&page={lastPage}", cancellationToken);
                if (oldest.Value is null) return BooksRead.Unavailable;
                if (oldest.Value.Items.Count > 0) firstInvoiceAt = oldest.Value.Items.Min(invoice => invoice.CreatedAt);
            }

            return new BooksRead(new BooksSnapshot(invoices, firstInvoiceAt, cashFlow.Value, balance.Value.CashBalance()), null);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, e);
            return BooksRead.Unavailable;
        }
    }

    /// <summary>The page with each paid invoice replaced by its full read (carrying its payments); null if one read failed.</summary>
    private async Task<IReadOnlyList<AccountingInvoice>?> WithPaymentsAsync(
        HttpClient http, string authorization, IReadOnlyList<AccountingInvoice> page, CancellationToken cancellationToken)
    {
        var read = page.ToArray();
        var failed = false;
        var paid = Enumerable.Range(0, read.Length).Where(index => read[index].Status == InvoiceStatus.Paid);
        await Parallel.ForEachAsync(paid, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.DetailConcurrency), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var detail = await GetAsync<AccountingInvoice>(http, authorization, $"accounting/invoices/{read[index].Id}", token);
                if (detail.Value is { } invoice && invoice.Id == read[index].Id) read[index] = invoice;
                else failed = true;
            });
        return failed ? null : read;
    }

    /// <summary>The body, or a currency complaint for a 400 naming <c>currency</c>, or neither when accounting failed.</summary>
    private async Task<(T? Value, string? Error)> GetAsync<T>(HttpClient http, string authorization, string path, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest && await CurrencyErrorAsync(response, cancellationToken) is { } error)
        {
            return (null, error);
        }

        if (!response.IsSuccessStatusCode)
        {
            LogRefused(logger, path.Split('?')[0], (int)response.StatusCode);
            return (null, null);
        }

        return (await response.Content.ReadFromJsonAsync<T>(EventJson.Options, cancellationToken), null);
    }

    private static async Task<string?> CurrencyErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return body.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                && errors.TryGetProperty("currency", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
                ? messages[0].GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accounting answered {StatusCode} to {Path} during an assessment")]
    private static partial void LogRefused(ILogger logger, string path, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accounting could not be asked for the books during an assessment")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
