using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FinFlow.Payments.Tests.Infrastructure;

/// <summary>Small helpers over the HTTP API used by several test classes.</summary>
public static class Api
{
    public static HttpRequestMessage Charge(object body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/payments/charge") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    public static object ChargeBody(Guid invoiceId, decimal amount, string currency = "USD", string source = "pm_card_visa") =>
        new { invoiceId, amount, currency, source };

    public static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> ChargeAsync(HttpClient client, Guid invoiceId, decimal amount, string source = "pm_card_visa", string currency = "USD")
    {
        using var request = Charge(ChargeBody(invoiceId, amount, currency, source), Guid.NewGuid().ToString());
        return await CreatedAsync(await client.SendAsync(request));
    }

    /// <summary>Polls the payment until it has the status (the simulated processor settles asynchronously).</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, Guid paymentId, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        JsonElement payment;
        do
        {
            payment = await client.GetFromJsonAsync<JsonElement>($"/payments/{paymentId}");
            if (payment.GetProperty("status").GetString() == status) return payment;
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Payment {paymentId} did not reach {status}; it is {payment}");
        return payment;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task AssertFieldErrorAsync(HttpResponseMessage response, HttpStatusCode expected, params string[] fields)
    {
        var problem = await ProblemAsync(response, expected);
        var errors = problem.GetProperty("errors");
        Assert.All(fields, field => Assert.True(errors.TryGetProperty(field, out _), $"no error for '{field}' in {errors}"));
    }
}
