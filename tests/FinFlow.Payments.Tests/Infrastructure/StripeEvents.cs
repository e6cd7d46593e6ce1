using System.Text;
using System.Text.Json;
using FinFlow.Payments.Processing.Simulated;
using Stripe;

namespace FinFlow.Payments.Tests.Infrastructure;

/// <summary>Stripe-shaped PaymentIntent events for webhook tests, and signed requests carrying them.</summary>
public static class StripeEvents
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Intent(string type, string intentId, Guid? paymentId, string status, long amountMinor, string currency = "usd",
        string? declineCode = null, string? eventId = null) =>
        JsonSerializer.Serialize(new
        {
            Id = eventId ?? $"evt_test_{Guid.NewGuid():N}",
            Object = "event",
            ApiVersion = StripeConfiguration.ApiVersion,
            Created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Livemode = false,
            Type = type,
            Data = new
            {
                Object = new
                {
                    Id = intentId,
                    Object = "payment_intent",
                    Amount = amountMinor,
                    Currency = currency,
                    Status = status,
                    LastPaymentError = declineCode is null ? null : new { Type = "card_error", Code = "card_declined", DeclineCode = declineCode, Message = "Your card was declined." },
                    Metadata = paymentId is { } id ? new Dictionary<string, string> { ["finflow_payment_id"] = id.ToString() } : new Dictionary<string, string>(),
                },
            },
        }, SnakeCase);

    public static HttpRequestMessage SignedRequest(string payload, string secret, DateTimeOffset? signedAt = null) =>
        Request(payload, StripeSignature.Header(payload, secret, signedAt ?? DateTimeOffset.UtcNow));

    public static HttpRequestMessage Request(string payload, string? signatureHeader)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/payments/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signatureHeader is not null) request.Headers.TryAddWithoutValidation("Stripe-Signature", signatureHeader);
        return request;
    }
}
