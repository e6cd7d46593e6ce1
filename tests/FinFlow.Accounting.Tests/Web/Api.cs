using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Contracts;
using FinFlow.Testing;
using Xunit;

namespace FinFlow.Accounting.Tests.Web;

/// <summary>Requests and assertions the web tests share: invoices, field errors, and pub/sub deliveries shaped as the sidecar sends them.</summary>
internal static class Api
{
    public static async Task<JsonElement> CreateInvoiceAsync(HttpClient client, decimal amount, string currency = "USD", string dueDate = "2030-01-31")
    {
        var response = await client.PostAsJsonAsync("/accounting/invoices", new { client = "Acme Ltd", amount, currency, dueDate });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<Guid> InvoiceIdAsync(HttpClient client, decimal amount, string currency = "USD", string dueDate = "2030-01-31") =>
        (await CreateInvoiceAsync(client, amount, currency, dueDate)).GetProperty("id").GetGuid();

    public static async Task AssertFieldErrorAsync(HttpResponseMessage response, params string[] fields)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(fields, field => Assert.True(errors.TryGetProperty(field, out _), errors.ToString()));
    }

    public static Task<string> DeliverAsync(HttpClient client, string path, string topic, string eventId, object data, string? callerAppId = null) =>
        CloudEventDelivery.PostAsync(client, path, topic, eventId, data, callerAppId);

    public static Task<string> PayAsync(
        HttpClient client, string eventId, Guid paymentId, Guid invoiceId, Guid userId, decimal amount, decimal? fee = null, string currency = "USD",
        DateTimeOffset? at = null) =>
        DeliverAsync(client, "/events/payment-completed", Topics.PaymentCompleted, eventId, new
        {
            paymentId, invoiceId, userId, amount, currency, fee, processorReference = $"pi_{paymentId:N}", completedAt = at ?? DateTimeOffset.UtcNow,
        });

    public static Task<string> RefundAsync(HttpClient client, string eventId, Guid refundId, Guid paymentId, Guid invoiceId, Guid userId, decimal amount, string currency = "USD") =>
        DeliverAsync(client, "/events/payment-refunded", Topics.PaymentRefunded, eventId, new
        {
            refundId, paymentId, invoiceId, userId, amount, currency, refundedAt = DateTimeOffset.UtcNow,
        });

    public static async Task<Dictionary<string, (decimal Debit, decimal Credit)>> TrialBalanceAsync(HttpClient client, string query = "")
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/accounting/trial-balance{query}");
        Assert.Equal(body.GetProperty("totalDebit").GetDecimal(), body.GetProperty("totalCredit").GetDecimal());
        return body.GetProperty("accounts").EnumerateArray().ToDictionary(
            a => a.GetProperty("code").GetString()!, a => (a.GetProperty("debit").GetDecimal(), a.GetProperty("credit").GetDecimal()));
    }
}
