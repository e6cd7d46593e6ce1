using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Payments.Tests.Infrastructure;
using FinFlow.Testing;
using Xunit;

namespace FinFlow.Payments.Tests.Web;

/// <summary>
/// The simulated processor end to end inside the service: the charge answers PENDING, the processor's
/// signed webhook arrives through the sidecar, and the payment settles with its event in the outbox.
/// </summary>
[Collection(PlatformSuite.Name)]
public class SimulatedProcessorTests(PaymentsPlatform platform)
{
    [Fact]
    public async Task A_visa_charge_settles_by_signed_webhook_and_queues_payment_completed_with_the_fee()
    {
        var user = Guid.NewGuid();
        var client = platform.Client(user);
        var invoice = platform.Invoice(user, 250.00m);

        var created = await Api.ChargeAsync(client, invoice.Id, 100.00m);
        Assert.Equal("PENDING", created.GetProperty("status").GetString());
        Assert.Equal(invoice.Id, created.GetProperty("invoiceId").GetGuid());
        var id = created.GetProperty("id").GetGuid();

        var settled = await Api.WaitForStatusAsync(client, id, "SUCCEEDED");
        Assert.StartsWith("pi_sim_", settled.GetProperty("processorPaymentId").GetString());
        Assert.Equal("visa", settled.GetProperty("card").GetProperty("brand").GetString());
        Assert.Equal("4242", settled.GetProperty("card").GetProperty("last4").GetString());
        Assert.Equal(3.20m, settled.GetProperty("fee").GetDecimal()); // 2.9 % of 100.00 + 0.30

        var payload = Assert.Single(await platform.QueryAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE topic = 'payment_completed' AND payload->>'paymentId' = @id", new { id = id.ToString() }));
        Assert.Empty(EventSchemaValidator.Validate("payment_completed", payload));
        var completed = JsonDocument.Parse(payload).RootElement;
        Assert.Equal(100.00m, completed.GetProperty("amount").GetDecimal());
        Assert.Equal(3.20m, completed.GetProperty("fee").GetDecimal());
        Assert.Equal(user, completed.GetProperty("userId").GetGuid());
        Assert.Equal(settled.GetProperty("processorPaymentId").GetString(), completed.GetProperty("processorReference").GetString());

        // The webhook really travelled: delivered by the worker and applied by the endpoint.
        Assert.Single(await platform.QueryAsync<DateTime>(
            "SELECT d.delivered_at FROM simulated_webhook_deliveries d WHERE d.intent_id = @pi AND d.delivered_at IS NOT NULL",
            new { pi = settled.GetProperty("processorPaymentId").GetString() }));
        Assert.Contains("applied", await platform.QueryAsync<string>(
            "SELECT outcome FROM audit_log WHERE action = 'webhook' AND payment_id = @id", new { id }));
    }

    [Theory]
    [InlineData("pm_card_chargeDeclined", "generic_decline")]
    [InlineData("pm_card_insufficientFunds", "insufficient_funds")]
    [InlineData("pm_card_chargeDeclinedExpiredCard", "expired_card")]
    public async Task A_declined_card_fails_the_payment_with_its_decline_code_and_queues_payment_failed(string source, string declineCode)
    {
        var user = Guid.NewGuid();
        var client = platform.Client(user);
        var invoice = platform.Invoice(user, 20m);
        var id = (await Api.ChargeAsync(client, invoice.Id, 20m, source)).GetProperty("id").GetGuid();

        var failed = await Api.WaitForStatusAsync(client, id, "FAILED");
        Assert.Equal(declineCode, failed.GetProperty("failureCode").GetString());
        var payload = Assert.Single(await platform.QueryAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE topic = 'payment_failed' AND payload->>'paymentId' = @id", new { id = id.ToString() }));
        Assert.Empty(EventSchemaValidator.Validate("payment_failed", payload));
        Assert.Equal(declineCode, JsonDocument.Parse(payload).RootElement.GetProperty("failureCode").GetString());

        // A failed attempt no longer holds the invoice: the whole amount can be charged again.
        await Api.ChargeAsync(client, invoice.Id, 20m);
    }

    [Fact]
    public async Task A_card_needing_authentication_ends_requires_action()
    {
        var user = Guid.NewGuid();
        var client = platform.Client(user);
        var id = (await Api.ChargeAsync(client, platform.Invoice(user, 20m).Id, 20m, "pm_card_authenticationRequired")).GetProperty("id").GetGuid();
        await Api.WaitForStatusAsync(client, id, "REQUIRES_ACTION");
    }

    [Fact]
    public async Task A_partial_then_a_full_refund_move_the_payment_to_REFUNDED_with_one_event_each()
    {
        var user = Guid.NewGuid();
        var client = platform.Client(user);
        var id = (await Api.ChargeAsync(client, platform.Invoice(user, 100m).Id, 100m)).GetProperty("id").GetGuid();
        await Api.WaitForStatusAsync(client, id, "SUCCEEDED");

        await Api.AssertFieldErrorAsync(await client.PostAsJsonAsync($"/payments/{id}/refund", new { amount = 100.01m }), HttpStatusCode.UnprocessableEntity, "amount");
        await Api.AssertFieldErrorAsync(await client.PostAsJsonAsync($"/payments/{id}/refund", new { amount = 1.001m }), HttpStatusCode.BadRequest, "amount");
        var partial = await Api.CreatedAsync(await client.PostAsJsonAsync($"/payments/{id}/refund", new { amount = 30m }));
        Assert.Equal(30m, partial.GetProperty("amount").GetDecimal());
        Assert.Equal("PARTIALLY_REFUNDED", partial.GetProperty("payment").GetProperty("status").GetString());
        Assert.StartsWith("re_sim_", partial.GetProperty("processorRefundId").GetString());

        var rest = await Api.CreatedAsync(await client.PostAsJsonAsync($"/payments/{id}/refund", new { }));
        Assert.Equal(70m, rest.GetProperty("amount").GetDecimal());
        Assert.Equal("REFUNDED", rest.GetProperty("payment").GetProperty("status").GetString());
        Assert.Equal(100m, rest.GetProperty("payment").GetProperty("amountRefunded").GetDecimal());
        await Api.ProblemAsync(await client.PostAsJsonAsync($"/payments/{id}/refund", new { }), HttpStatusCode.Conflict);

        var refunds = await platform.QueryAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE topic = 'payment_refunded' AND payload->>'paymentId' = @id ORDER BY created_at", new { id = id.ToString() });
        Assert.Equal(2, refunds.Count);
        Assert.All(refunds, r => Assert.Empty(EventSchemaValidator.Validate("payment_refunded", r)));
        Assert.Equal([30m, 70m], refunds.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("amount").GetDecimal()));
        Assert.Equal(["requested", "requested", "succeeded", "succeeded"],
            (await platform.QueryAsync<string>("SELECT outcome FROM audit_log WHERE action = 'refund' AND payment_id = @id AND outcome IN ('requested', 'succeeded') ORDER BY outcome", new { id })));
    }

    [Fact]
    public async Task Concurrent_refunds_never_return_more_than_was_paid()
    {
        var user = Guid.NewGuid();
        var client = platform.Client(user);
        var id = (await Api.ChargeAsync(client, platform.Invoice(user, 50m).Id, 50m)).GetProperty("id").GetGuid();
        await Api.WaitForStatusAsync(client, id, "SUCCEEDED");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync($"/payments/{id}/refund", new { amount = 20m })));
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var payment = await client.GetFromJsonAsync<JsonElement>($"/payments/{id}");
        Assert.Equal(40m, payment.GetProperty("amountRefunded").GetDecimal());
        Assert.Equal("PARTIALLY_REFUNDED", payment.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_settled_payments_of_the_caller_can_be_refunded_or_read()
    {
        var user = Guid.NewGuid();
        var client = platform.Client(user);
        var failed = (await Api.ChargeAsync(client, platform.Invoice(user, 5m).Id, 5m, "pm_card_chargeDeclined")).GetProperty("id").GetGuid();
        await Api.WaitForStatusAsync(client, failed, "FAILED");
        await Api.ProblemAsync(await client.PostAsJsonAsync($"/payments/{failed}/refund", new { }), HttpStatusCode.Conflict);

        var stranger = platform.Client(Guid.NewGuid());
        await Api.ProblemAsync(await stranger.GetAsync($"/payments/{failed}"), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await stranger.PostAsJsonAsync($"/payments/{failed}/refund", new { }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await platform.Client(Guid.NewGuid(), "ADMIN").GetAsync($"/payments/{failed}")).StatusCode);
    }

    [Fact]
    public async Task The_list_shows_own_payments_newest_first_filtered_and_paged()
    {
        var user = Guid.NewGuid();
        var client = platform.Client(user);
        var invoice = platform.Invoice(user, 100m);
        var ids = new List<Guid>();
        for (var i = 1; i <= 3; i++) ids.Add((await Api.ChargeAsync(client, invoice.Id, i)).GetProperty("id").GetGuid());
        var other = Guid.NewGuid();
        await Api.ChargeAsync(platform.Client(other), platform.Invoice(other, 5m).Id, 5m);

        var page = await client.GetFromJsonAsync<JsonElement>($"/payments?invoiceId={invoice.Id}&page=1&pageSize=2");
        Assert.Equal([ids[2], ids[1]], page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        await Api.AssertFieldErrorAsync(await client.GetAsync("/payments?status=LOST"), HttpStatusCode.BadRequest, "status");
        await Api.AssertFieldErrorAsync(await client.GetAsync("/payments?pageSize=1000"), HttpStatusCode.BadRequest, "pageSize");
    }

    [Fact]
    public async Task The_card_is_stored_encrypted_and_never_as_plain_text()
    {
        var user = Guid.NewGuid();
        var client = platform.Client(user);
        var id = (await Api.ChargeAsync(client, platform.Invoice(user, 5m).Id, 5m, "pm_card_mastercard")).GetProperty("id").GetGuid();
        var blob = Assert.Single(await platform.QueryAsync<byte[]>("SELECT card_details FROM payments WHERE id = @id", new { id }));
        var text = System.Text.Encoding.Latin1.GetString(blob);
        Assert.DoesNotContain("4444", text, StringComparison.Ordinal);
        Assert.DoesNotContain("mastercard", text, StringComparison.Ordinal);
        var payment = await client.GetFromJsonAsync<JsonElement>($"/payments/{id}");
        Assert.Equal("4444", payment.GetProperty("card").GetProperty("last4").GetString());
    }
}
