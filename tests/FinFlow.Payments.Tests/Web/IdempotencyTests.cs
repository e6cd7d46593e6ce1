using FinFlow.Testing;
using System.Net;
using System.Text.Json;
using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Payments.Charges;
using FinFlow.Payments.Idempotency;
using FinFlow.Payments.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Payments.Tests.Web;

/// <summary>The Idempotency-Key rules, held by the database: concurrent requests, replays, reuse with another body, restarts and crashes.</summary>
[Collection(PlatformSuite.Name)]
public class IdempotencyTests(PaymentsPlatform platform)
{
    [Fact]
    public async Task Twenty_concurrent_requests_with_one_key_make_one_payment_and_one_processor_call()
    {
        var user = Guid.NewGuid();
        var invoice = platform.Invoice(user, 500m);
        var key = Guid.NewGuid().ToString();
        var client = platform.Client(user);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.SendAsync(Api.Charge(Api.ChargeBody(invoice.Id, 125m), key))));

        var bodies = new List<JsonElement>();
        foreach (var response in responses) bodies.Add(await Api.CreatedAsync(response));
        var ids = bodies.Select(b => b.GetProperty("id").GetGuid()).Distinct().ToList();
        var id = Assert.Single(ids);
        Assert.Equal(19, responses.Count(r => r.Headers.Contains(ChargeAnswer.ReplayedHeader)));
        Assert.Single(await platform.QueryAsync<Guid>("SELECT id FROM payments WHERE invoice_id = @invoiceId", new { invoiceId = invoice.Id }));
        Assert.Equal(1, platform.Processor.ChargesFor(id));
        Assert.Equal(1, platform.Accounting.LookupsOf(invoice.Id));
    }

    [Fact]
    public async Task A_repeated_request_gets_the_first_answer_byte_for_byte_even_after_the_payment_moved_on()
    {
        var user = Guid.NewGuid();
        var invoice = platform.Invoice(user, 50m);
        var key = Guid.NewGuid().ToString();
        var client = platform.Client(user);
        var first = await client.SendAsync(Api.Charge(Api.ChargeBody(invoice.Id, 10m), key));
        var firstBody = await first.Content.ReadAsStringAsync();
        var id = JsonDocument.Parse(firstBody).RootElement.GetProperty("id").GetGuid();
        await Api.WaitForStatusAsync(client, id, "SUCCEEDED");

        // Same amount written differently: the same request.
        var again = await client.SendAsync(Api.Charge(new { source = "pm_card_visa", currency = "USD", amount = 10.0m, invoiceId = invoice.Id }, key));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, platform.Processor.ChargesFor(id));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_a_422_and_charges_nothing()
    {
        var user = Guid.NewGuid();
        var invoice = platform.Invoice(user, 50m);
        var key = Guid.NewGuid().ToString();
        var client = platform.Client(user);
        await Api.CreatedAsync(await client.SendAsync(Api.Charge(Api.ChargeBody(invoice.Id, 10m), key)));

        await Api.ProblemAsync(await client.SendAsync(Api.Charge(Api.ChargeBody(invoice.Id, 11m), key)), HttpStatusCode.UnprocessableEntity);
        await Api.ProblemAsync(await client.SendAsync(Api.Charge(Api.ChargeBody(invoice.Id, 10m, source: "pm_card_mastercard"), key)), HttpStatusCode.UnprocessableEntity);
        Assert.Single(await platform.QueryAsync<Guid>("SELECT id FROM payments WHERE invoice_id = @invoiceId", new { invoiceId = invoice.Id }));
    }

    [Fact]
    public async Task Keys_belong_to_their_user()
    {
        var key = Guid.NewGuid().ToString();
        var (ann, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var first = await Api.CreatedAsync(await platform.Client(ann).SendAsync(Api.Charge(Api.ChargeBody(platform.Invoice(ann, 20m).Id, 5m), key)));
        var second = await Api.CreatedAsync(await platform.Client(bob).SendAsync(Api.Charge(Api.ChargeBody(platform.Invoice(bob, 20m).Id, 7m), key)));
        Assert.NotEqual(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_processor_outage_is_a_503_and_the_retry_with_the_same_key_finishes_the_same_payment()
    {
        var user = Guid.NewGuid();
        var invoice = platform.Invoice(user, 80m);
        var key = Guid.NewGuid().ToString();
        var client = platform.Client(user);
        platform.Processor.FailNextCharges(1);

        await Api.ProblemAsync(await client.SendAsync(Api.Charge(Api.ChargeBody(invoice.Id, 80m), key)), HttpStatusCode.ServiceUnavailable);
        var pending = Assert.Single(await platform.QueryAsync<(Guid Id, string Status)>(
            "SELECT id, status FROM payments WHERE invoice_id = @invoiceId", new { invoiceId = invoice.Id }));
        Assert.Equal("PENDING", pending.Status);

        var retried = await Api.CreatedAsync(await client.SendAsync(Api.Charge(Api.ChargeBody(invoice.Id, 80m), key)));
        Assert.Equal(pending.Id, retried.GetProperty("id").GetGuid());
        await Api.WaitForStatusAsync(client, pending.Id, "SUCCEEDED");
        // Both attempts reached the processor with the same processor idempotency key; one intent exists.
        Assert.Equal(2, platform.Processor.ChargesFor(pending.Id));
        Assert.Single(await platform.QueryAsync<string>("SELECT intent_id FROM simulated_intents WHERE idempotency_key = @k",
            new { k = $"finflow-payment-{pending.Id:N}" }));
    }

    [Fact]
    public async Task A_request_that_died_holding_its_key_is_resumed_by_the_retry_without_a_second_payment()
    {
        var user = Guid.NewGuid();
        var invoice = platform.Invoice(user, 30m);
        var key = Guid.NewGuid().ToString();
        var paymentId = Guid.CreateVersion7();
        var hash = RequestFingerprint.Of(new ChargeCommand(invoice.Id, Money.FromDecimal(30m, Currency.USD), "pm_card_visa"));
        // What a crash right after creating the payment leaves behind: the PENDING payment, linked to a key whose lease ran out.
        await platform.ExecuteAsync("""
            INSERT INTO payments (id, user_id, invoice_id, amount_minor, currency, processor, payment_method)
            VALUES (@paymentId, @user, @invoiceId, 3000, 'USD', 'simulated', 'pm_card_visa');
            INSERT INTO idempotency_keys (user_id, key, request_hash, lease_token, locked_until, payment_id)
            VALUES (@user, @key, @hash, gen_random_uuid(), now() - interval '1 second', @paymentId);
            """, new { paymentId, user, invoiceId = invoice.Id, key, hash });

        var client = platform.Client(user);
        var resumed = await Api.CreatedAsync(await client.SendAsync(Api.Charge(Api.ChargeBody(invoice.Id, 30m), key)));
        Assert.Equal(paymentId, resumed.GetProperty("id").GetGuid());
        await Api.WaitForStatusAsync(client, paymentId, "SUCCEEDED");
        Assert.Single(await platform.QueryAsync<Guid>("SELECT id FROM payments WHERE invoice_id = @invoiceId", new { invoiceId = invoice.Id }));
        Assert.Equal(0, platform.Accounting.LookupsOf(invoice.Id));
    }

    [Fact]
    public async Task A_charge_nobody_came_back_for_is_finished_by_the_service_but_one_still_leased_is_left_alone()
    {
        var user = Guid.NewGuid();
        var (stalled, leased) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await platform.ExecuteAsync("""
            INSERT INTO payments (id, user_id, invoice_id, amount_minor, currency, processor, payment_method, created_at)
            VALUES (@stalled, @user, gen_random_uuid(), 700, 'USD', 'simulated', 'pm_card_visa', now() - interval '1 hour'),
                   (@leased, @user, gen_random_uuid(), 800, 'USD', 'simulated', 'pm_card_visa', now() - interval '1 hour');
            INSERT INTO idempotency_keys (user_id, key, request_hash, lease_token, locked_until, payment_id)
            VALUES (@user, 'gave-up', '\x00', NULL, NULL, @stalled),
                   (@user, 'still-working', '\x00', gen_random_uuid(), now() + interval '10 minutes', @leased);
            """, new { stalled, leased, user });
        var recovery = (StalledChargeRecovery)platform.App.Services.GetService(typeof(StalledChargeRecovery))!;

        Assert.True(await recovery.RecoverAsync(CancellationToken.None) >= 1);

        await Api.WaitForStatusAsync(platform.Client(user), stalled, "SUCCEEDED");
        Assert.Equal(1, platform.Processor.ChargesFor(stalled));
        Assert.Equal(0, platform.Processor.ChargesFor(leased));
        // Its lease is given back: the client's own retry, if it ever comes, still gets its answer.
        Assert.Null(Assert.Single(await platform.QueryAsync<Guid?>(
            "SELECT lease_token FROM idempotency_keys WHERE user_id = @user AND key = 'gave-up'", new { user })));
    }

    [Fact]
    public async Task A_request_still_in_flight_makes_the_second_wait_and_answers_409_only_after_the_wait()
    {
        var user = Guid.NewGuid();
        var invoice = platform.Invoice(user, 30m);
        var key = Guid.NewGuid().ToString();
        var hash = RequestFingerprint.Of(new ChargeCommand(invoice.Id, Money.FromDecimal(30m, Currency.USD), "pm_card_visa"));
        await platform.ExecuteAsync("""
            INSERT INTO idempotency_keys (user_id, key, request_hash, lease_token, locked_until)
            VALUES (@user, @key, @hash, gen_random_uuid(), now() + interval '10 minutes')
            """, new { user, key, hash });

        var settings = new Dictionary<string, string?>(platform.Settings) { ["Payments:Idempotency:WaitSeconds"] = "0.3" };
        await using var impatient = new PaymentsFactory(settings, platform.Tokens.Jwks(), recorder: null);
        var client = impatient.CreateClient();
        client.DefaultRequestHeaders.Add("dapr-api-token", PaymentsPlatform.AppToken);
        client.DefaultRequestHeaders.Authorization = new("Bearer", platform.Tokens.Token(user));

        var response = await client.SendAsync(Api.Charge(Api.ChargeBody(invoice.Id, 30m), key));
        await Api.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Empty(await platform.QueryAsync<Guid>("SELECT id FROM payments WHERE invoice_id = @invoiceId", new { invoiceId = invoice.Id }));

        // A restarted service (another host on the same database) honours keys stored by the first.
        var other = platform.Invoice(user, 10m);
        var otherKey = Guid.NewGuid().ToString();
        var original = await platform.Client(user).SendAsync(Api.Charge(Api.ChargeBody(other.Id, 10m), otherKey));
        var replay = await client.SendAsync(Api.Charge(Api.ChargeBody(other.Id, 10m), otherKey));
        Assert.Equal(await original.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.True(replay.Headers.Contains(ChargeAnswer.ReplayedHeader));
    }

    [Fact]
    public async Task Keys_are_kept_for_at_least_a_day_and_purged_after()
    {
        var user = Guid.NewGuid();
        await platform.ExecuteAsync("""
            INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body, created_at, completed_at)
            VALUES (@user, 'fresh', '\x00', 201, '{}', now() - interval '23 hours', now()),
                   (@user, 'stale', '\x00', 201, '{}', now() - interval '25 hours', now())
            """, new { user });
        var store = (IdempotencyStore)platform.App.Services.GetService(typeof(IdempotencyStore))!;
        await store.PurgeExpiredAsync(CancellationToken.None);
        Assert.Equal(["fresh"], await platform.QueryAsync<string>("SELECT key FROM idempotency_keys WHERE user_id = @user", new { user }));
    }
}
