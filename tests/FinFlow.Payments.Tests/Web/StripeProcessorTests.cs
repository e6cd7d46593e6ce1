using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Payments.Tests.Infrastructure;
using FinFlow.Payments.Tests.Processing;
using FinFlow.Testing;
using Xunit;

namespace FinFlow.Payments.Tests.Web;

/// <summary>
/// The app configured with <c>Payments:Processor=stripe</c> against a Stripe stub: the adapter is wired from
/// configuration, a synchronous success settles the payment at once with Stripe's fee, and Stripe's own
/// webhook for it afterwards changes nothing.
/// </summary>
[Collection(PlatformSuite.Name)]
public sealed class StripeProcessorTests(PaymentsPlatform platform) : IDisposable
{
    private readonly StripeStub _stripe = new();

    [Fact]
    public async Task A_stripe_charge_that_succeeds_at_once_settles_with_stripes_fee_and_its_webhook_is_a_no_op()
    {
        _stripe.Answer("POST", "/v1/payment_intents", 200, StripeStub.Intent("pi_3AppStub", "succeeded", 2000));
        var settings = new Dictionary<string, string?>(platform.Settings)
        {
            ["Payments:Processor"] = "stripe",
            ["Payments:Stripe:ApiKey"] = "sk_test_app_stub",
            ["Payments:Stripe:ApiBase"] = _stripe.Url.ToString(),
            ["Payments:Stripe:MaxNetworkRetries"] = "0",
        };
        await using var app = new PaymentsFactory(settings, platform.Tokens.Jwks(), recorder: null);
        var user = Guid.NewGuid();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("dapr-api-token", PaymentsPlatform.AppToken);
        client.DefaultRequestHeaders.Authorization = new("Bearer", platform.Tokens.Token(user));

        var payment = await Api.ChargeAsync(client, platform.Invoice(user, 20m).Id, 20m);

        Assert.Equal("SUCCEEDED", payment.GetProperty("status").GetString());
        Assert.Equal("stripe", payment.GetProperty("processor").GetString());
        Assert.Equal(3.35m, payment.GetProperty("fee").GetDecimal());
        Assert.Equal("4242", payment.GetProperty("card").GetProperty("last4").GetString());
        var id = payment.GetProperty("id").GetGuid();
        var sent = Assert.Single(_stripe.Requests("/v1/payment_intents"));
        Assert.Equal($"finflow-payment-{id:N}", StripeStub.Header(sent, "Idempotency-Key"));
        var completed = Assert.Single(await platform.QueryAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE topic = 'payment_completed' AND payload->>'paymentId' = @id", new { id = id.ToString() }));
        Assert.Empty(EventSchemaValidator.Validate("payment_completed", completed));
        Assert.Equal("pi_3AppStub", JsonDocument.Parse(completed).RootElement.GetProperty("processorReference").GetString());

        var webhook = await client.SendAsync(StripeEvents.SignedRequest(
            StripeEvents.Intent("payment_intent.succeeded", "pi_3AppStub", id, "succeeded", 2000), PaymentsPlatform.WebhookSecret));
        Assert.Equal("no_change", (await webhook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Single(await platform.QueryAsync<string>(
            "SELECT id::text FROM outbox_messages WHERE topic = 'payment_completed' AND payload->>'paymentId' = @id", new { id = id.ToString() }));
    }

    public void Dispose() => _stripe.Dispose();
}
