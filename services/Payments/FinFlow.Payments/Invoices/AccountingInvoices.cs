using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Contracts;

namespace FinFlow.Payments.Invoices;

/// <summary>
/// Asks accounting for an invoice through Dapr service invocation (the <paramref name="http"/> client is
/// bound to app id <c>accounting</c> through the sidecar), forwarding the caller's bearer token: accounting
/// scopes invoices by the token's subject, so another user's invoice comes back 404 as if it did not exist.
/// </summary>
public sealed partial class AccountingInvoices(HttpClient http, ILogger<AccountingInvoices> logger)
{
    public async Task<InvoiceLookup> GetAsync(Guid invoiceId, string bearerToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(bearerToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"accounting/invoices/{invoiceId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound) return InvoiceLookup.NotFound;
            if (!response.IsSuccessStatusCode)
            {
                LogUnexpected(logger, invoiceId, (int)response.StatusCode);
                return InvoiceLookup.Unavailable;
            }

            var invoice = await response.Content.ReadFromJsonAsync<InvoiceSnapshot>(EventJson.Options, cancellationToken);
            return invoice is null || invoice.Id != invoiceId ? InvoiceLookup.Unavailable : new InvoiceLookup(InvoiceLookupStatus.Found, invoice);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, e, invoiceId);
            return InvoiceLookup.Unavailable;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accounting answered {StatusCode} for invoice {InvoiceId}")]
    private static partial void LogUnexpected(ILogger logger, Guid invoiceId, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accounting could not be asked about invoice {InvoiceId}")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, Guid invoiceId);
}
