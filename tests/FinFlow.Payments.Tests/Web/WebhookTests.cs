using System.Net;
using System.Text.Json;
using FinFlow.Payments.Processing.Simulated;
using FinFlow.Payments.Tests.Infrastructure;
using FinFlow.Testing;
using Stripe;
using Xunit;

namespace FinFlow.Payments.Tests.Web;

/// <summary>
/// <c>POST /payments/webhook</c> against payments put in place directly: signature and timestamp checks,
/// deduplication by event id, and events arriving late or out of order.
/// </summary>
[Collection(PlatformSuite.Name)]
public class WebhookTests(PaymentsPlatform platform)
{
    private async Task<(Guid Id, string IntentId)> PendingPaymentAsync(long amountMinor = 5000)
    {
        var id = Guid.CreateVersion7();
        var intentId = $"pi_test_{Guid.NewGuid():N}";
        await platform.ExecuteAsync("""
            INSERT INTO payments (id, user_id, invoice_id, amount_minor, currency, processor, payment_method, processor_payment_id)
            VALUES (@id, @user, @invoice, @amountMinor, 'USD', 'simulated', 'pm_card_visa', @intentId)
            """, new { id, user = Guid.NewGuid(), invoice = Guid.NewGuid(), amountMinor, intentId });
        return (id, intentId);
    }

    private async Task<string> StatusAsync(Guid id) => (await platform.QueryAsync<string>("SELECT status FROM payments WHERE id = @id", new { id }))[0];

    private async Task<IReadOnlyList<string>> EventsAsync(Guid id) =>
        await platform.QueryAsync<string>("SELECT topic FROM outbox_messages WHERE payload->>'paymentId' = @id ORDER BY created_at", new { id = id.ToString() });

    private async Task<JsonElement> AcceptedAsync(HttpRequestMessage request)
    {
        var response = await platform.Client(null).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_signed_succeeded_event_settles_the_payment_with_the_fee_and_a_valid_event()
    {
        var (id, intentId) = await PendingPaymentAsync(5000);
        var ack = await AcceptedAsync(StripeEvents.SignedRequest(StripeEvents.Intent("payment_intent.succeeded", intentId, id, "succeeded", 5000), PaymentsPlatform.WebhookSecret));

        Assert.Equal("applied", ack.GetProperty("outcome").GetString());
        Assert.Equal("SUCCEEDED", await StatusAsync(id));
        var payload = Assert.Single(await platform.QueryAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE topic = 'payment_completed' AND payload->>'paymentId' = @id", new { id = id.ToString() }));
        Assert.Empty(EventSchemaValidator.Validate("payment_completed", payload));
        Assert.Equal(1.75m, JsonDocument.Parse(payload).RootElement.GetProperty("fee").GetDecimal()); // 1.45 + 0.30
    }

    [Fact]
    public async Task A_payment_failed_event_fails_the_payment_with_the_decline_code()
    {
        var (id, intentId) = await PendingPaymentAsync();
        await AcceptedAsync(StripeEvents.SignedRequest(
            StripeEvents.Intent("payment_intent.payment_failed", intentId, id, "requires_payment_method", 5000, declineCode: "insufficient_funds"), PaymentsPlatform.WebhookSecret));

        Assert.Equal("FAILED", await StatusAsync(id));
        var payload = Assert.Single(await platform.QueryAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE topic = 'payment_failed' AND payload->>'paymentId' = @id", new { id = id.ToString() }));
        Assert.Empty(EventSchemaValidator.Validate("payment_failed", payload));
        Assert.Equal("insufficient_funds", JsonDocument.Parse(payload).RootElement.GetProperty("failureCode").GetString());
    }

    public static TheoryData<string> Forgeries => new() { "wrong secret", "stale timestamp", "tampered body", "missing header", "garbage header", "future timestamp" };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_stale_or_unsigned_webhook_is_a_400_and_changes_nothing(string forgery)
    {
        var (id, intentId) = await PendingPaymentAsync();
        var eventId = $"evt_forged_{Guid.NewGuid():N}";
        var payload = StripeEvents.Intent("payment_intent.succeeded", intentId, id, "succeeded", 5000, eventId: eventId);
        var secret = PaymentsPlatform.WebhookSecret;
        using var request = forgery switch
        {
            "wrong secret" => StripeEvents.SignedRequest(payload, "whsec_someoneElsesSecret"),
            "stale timestamp" => StripeEvents.SignedRequest(payload, secret, DateTimeOffset.UtcNow.AddSeconds(-301)),
            "future timestamp" => StripeEvents.SignedRequest(payload, secret, DateTimeOffset.UtcNow.AddSeconds(301)),
            "tampered body" => StripeEvents.Request(payload.Replace("\"amount\":5000", "\"amount\":1", StringComparison.Ordinal),
                StripeSignature.Header(payload, secret, DateTimeOffset.UtcNow)),
            "garbage header" => StripeEvents.Request(payload, "t=abc,v1=xyz"),
            _ => StripeEvents.Request(payload, null),
        };

        var response = await platform.Client(null).SendAsync(request);
        await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("PENDING", await StatusAsync(id));
        Assert.Empty(await EventsAsync(id));
        Assert.Empty(await platform.QueryAsync<string>("SELECT event_id FROM processed_events WHERE event_id = @eventId", new { eventId }));
    }

    [Fact]
    public async Task A_redelivered_event_is_acknowledged_and_harmless()
    {
        var (id, intentId) = await PendingPaymentAsync();
        var payload = StripeEvents.Intent("payment_intent.succeeded", intentId, id, "succeeded", 5000);
        Assert.Equal("applied", (await AcceptedAsync(StripeEvents.SignedRequest(payload, PaymentsPlatform.WebhookSecret))).GetProperty("outcome").GetString());

        // Stripe re-signs each attempt: same body, fresh signature.
        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => AcceptedAsync(StripeEvents.SignedRequest(payload, PaymentsPlatform.WebhookSecret))));
        Assert.All(again, ack => Assert.Equal("duplicate", ack.GetProperty("outcome").GetString()));
        Assert.Equal(["payment_completed"], await EventsAsync(id));
    }

    [Theory]
    [InlineData("payment_intent.processing", "processing")]
    [InlineData("payment_intent.payment_failed", "requires_payment_method")]
    [InlineData("payment_intent.requires_action", "requires_action")]
    public async Task An_event_arriving_after_succeeded_changes_nothing(string lateType, string lateStatus)
    {
        var (id, intentId) = await PendingPaymentAsync();
        await AcceptedAsync(StripeEvents.SignedRequest(StripeEvents.Intent("payment_intent.succeeded", intentId, id, "succeeded", 5000), PaymentsPlatform.WebhookSecret));

        var ack = await AcceptedAsync(StripeEvents.SignedRequest(
            StripeEvents.Intent(lateType, intentId, id, lateStatus, 5000, declineCode: lateStatus == "requires_payment_method" ? "generic_decline" : null),
            PaymentsPlatform.WebhookSecret));
        Assert.Equal("no_change", ack.GetProperty("outcome").GetString());
        Assert.Equal("SUCCEEDED", await StatusAsync(id));
        Assert.Equal(["payment_completed"], await EventsAsync(id));
    }

    [Fact]
    public async Task Processing_first_and_succeeded_later_settles_normally()
    {
        var (id, intentId) = await PendingPaymentAsync();
        await AcceptedAsync(StripeEvents.SignedRequest(StripeEvents.Intent("payment_intent.processing", intentId, id, "processing", 5000), PaymentsPlatform.WebhookSecret));
        Assert.Equal("PENDING", await StatusAsync(id));
        await AcceptedAsync(StripeEvents.SignedRequest(StripeEvents.Intent("payment_intent.succeeded", intentId, id, "succeeded", 5000), PaymentsPlatform.WebhookSecret));
        Assert.Equal("SUCCEEDED", await StatusAsync(id));
    }

    [Fact]
    public async Task Unknown_event_types_and_unknown_intents_are_acknowledged_and_logged()
    {
        var charge = JsonSerializer.Serialize(new
        {
            id = $"evt_test_{Guid.NewGuid():N}", @object = "event", api_version = StripeConfiguration.ApiVersion, type = "charge.dispute.created",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), data = new { @object = new { id = "dp_1", @object = "dispute" } },
        });
        Assert.Equal("unhandled_type", (await AcceptedAsync(StripeEvents.SignedRequest(charge, PaymentsPlatform.WebhookSecret))).GetProperty("outcome").GetString());

        var stranger = StripeEvents.Intent("payment_intent.succeeded", "pi_not_ours", null, "succeeded", 100);
        Assert.Equal("unknown_payment", (await AcceptedAsync(StripeEvents.SignedRequest(stranger, PaymentsPlatform.WebhookSecret))).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Rejections_and_deliveries_are_in_the_audit_log()
    {
        var before = (await platform.QueryAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'webhook' AND outcome = 'rejected'"))[0];
        await platform.Client(null).SendAsync(StripeEvents.Request("{}", null));
        var after = (await platform.QueryAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'webhook' AND outcome = 'rejected'"))[0];
        Assert.Equal(before + 1, after);
    }

    [Fact]
    public void The_simulated_signature_is_the_one_Stripe_computes()
    {
        var payload = StripeEvents.Intent("payment_intent.succeeded", "pi_x", Guid.NewGuid(), "succeeded", 1);
        var at = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var header = StripeSignature.Header(payload, PaymentsPlatform.WebhookSecret, at);
        Assert.Equal($"t=1700000000,v1={EventUtility.ComputeSignature(PaymentsPlatform.WebhookSecret, "1700000000", payload)}", header);
    }
}
