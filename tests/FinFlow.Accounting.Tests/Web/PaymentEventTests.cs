using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Testing;
using Xunit;

namespace FinFlow.Accounting.Tests.Web;

/// <summary>payment_completed / payment_refunded delivered to the real app as the sidecar delivers them, against real PostgreSQL.</summary>
[Collection(AccountingSuite.Name)]
public class PaymentEventTests(AccountingFixture app)
{
    private static string NewEventId() => Guid.NewGuid().ToString();

    private static async Task<JsonElement> InvoiceAsync(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"/accounting/invoices/{id}");

    [Fact]
    public async Task Partial_payments_move_the_invoice_to_paid_post_cash_and_fees_and_publish_invoice_paid_once()
    {
        var user = Guid.NewGuid();
        var client = app.Client(user);
        var invoice = await Api.InvoiceIdAsync(client, 100m);

        Assert.Equal("SUCCESS", await Api.PayAsync(client, NewEventId(), Guid.NewGuid(), invoice, user, 40m, fee: 1.46m));
        var partial = await InvoiceAsync(client, invoice);
        Assert.Equal("PARTIALLY_PAID", partial.GetProperty("status").GetString());
        Assert.Equal(40m, partial.GetProperty("amountPaid").GetDecimal());

        Assert.Equal("SUCCESS", await Api.PayAsync(client, NewEventId(), Guid.NewGuid(), invoice, user, 60m, fee: 2.04m));
        var paid = await InvoiceAsync(client, invoice);
        Assert.Equal("PAID", paid.GetProperty("status").GetString());
        Assert.Equal(100m, paid.GetProperty("amountPaid").GetDecimal());
        Assert.Equal(2, paid.GetProperty("payments").GetArrayLength());

        var balances = await Api.TrialBalanceAsync(client);
        Assert.Equal((96.50m, 0m), balances["1000"]); // cash net of fees
        Assert.Equal((3.50m, 0m), balances["6100"]);
        Assert.Equal((0m, 0m), balances["1100"]); // receivable settled
        var published = await app.QueryAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE topic = 'invoice_paid' AND payload->>'invoiceId' = @id", new { id = invoice.ToString() });
        Assert.Empty(EventSchemaValidator.Validate("invoice_paid", Assert.Single(published)));
    }

    [Fact]
    public async Task The_same_event_twice_or_the_same_payment_under_a_new_event_id_changes_nothing()
    {
        var user = Guid.NewGuid();
        var client = app.Client(user);
        var invoice = await Api.InvoiceIdAsync(client, 50m);
        var payment = Guid.NewGuid();
        var eventId = NewEventId();

        Assert.Equal("SUCCESS", await Api.PayAsync(client, eventId, payment, invoice, user, 20m));
        Assert.Equal("SUCCESS", await Api.PayAsync(client, eventId, payment, invoice, user, 20m));
        Assert.Equal("SUCCESS", await Api.PayAsync(client, NewEventId(), payment, invoice, user, 20m));

        Assert.Equal(20m, (await InvoiceAsync(client, invoice)).GetProperty("amountPaid").GetDecimal());
        Assert.Equal(2L, (await app.QueryAsync<long>("SELECT count(*) FROM journal_entries WHERE user_id = @user", new { user }))[0]);
    }

    [Fact]
    public async Task An_over_payment_becomes_a_customer_credit_and_a_refund_returns_it_first()
    {
        var user = Guid.NewGuid();
        var client = app.Client(user);
        var invoice = await Api.InvoiceIdAsync(client, 30m);
        var payment = Guid.NewGuid();

        Assert.Equal("SUCCESS", await Api.PayAsync(client, NewEventId(), payment, invoice, user, 45m));
        var paid = await InvoiceAsync(client, invoice);
        Assert.Equal(("PAID", 30m), (paid.GetProperty("status").GetString(), paid.GetProperty("amountPaid").GetDecimal()));
        Assert.Equal((0m, 15m), (await Api.TrialBalanceAsync(client))["2200"]);

        Assert.Equal("SUCCESS", await Api.RefundAsync(client, NewEventId(), Guid.NewGuid(), payment, invoice, user, 20m));
        var balances = await Api.TrialBalanceAsync(client);
        Assert.Equal((0m, 0m), balances["2200"]);
        Assert.Equal((5m, 0m), balances["4100"]);
        Assert.Equal((25m, 0m), balances["1000"]);
        Assert.Equal("DROP", await Api.RefundAsync(client, NewEventId(), Guid.NewGuid(), payment, invoice, user, 25.01m)); // more than is left
    }

    [Fact]
    public async Task Unknown_void_or_foreign_invoices_go_to_suspense_and_are_listed_as_unmatched()
    {
        var user = Guid.NewGuid();
        var client = app.Client(user);
        var stranger = Guid.NewGuid();
        var theirs = await Api.InvoiceIdAsync(app.Client(stranger), 10m);
        var voided = await Api.InvoiceIdAsync(client, 10m);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/accounting/invoices/{voided}/void", null)).StatusCode);

        Assert.Equal("SUCCESS", await Api.PayAsync(client, NewEventId(), Guid.NewGuid(), Guid.NewGuid(), user, 7m));
        Assert.Equal("SUCCESS", await Api.PayAsync(client, NewEventId(), Guid.NewGuid(), theirs, user, 8m));
        Assert.Equal("SUCCESS", await Api.PayAsync(client, NewEventId(), Guid.NewGuid(), voided, user, 9m));

        var unmatched = await client.GetFromJsonAsync<JsonElement>("/accounting/unmatched-payments");
        Assert.Equal([9m, 8m, 7m], unmatched.EnumerateArray().Select(u => u.GetProperty("amount").GetDecimal()).Order().Reverse());
        Assert.Equal((0m, 24m), (await Api.TrialBalanceAsync(client))["1999"]);
        Assert.Equal(0m, (await InvoiceAsync(app.Client(stranger), theirs)).GetProperty("amountPaid").GetDecimal());
        Assert.Empty(await app.Client(stranger).GetFromJsonAsync<JsonElement[]>("/accounting/unmatched-payments") ?? []);
    }

    [Fact]
    public async Task A_refund_before_its_payment_is_retried_and_malformed_events_are_dropped()
    {
        var user = Guid.NewGuid();
        var client = app.Client(user);
        var invoice = await Api.InvoiceIdAsync(client, 10m);
        var payment = Guid.NewGuid();
        var refundEvent = NewEventId();
        var refund = Guid.NewGuid();

        Assert.Equal("RETRY", await Api.RefundAsync(client, refundEvent, refund, payment, invoice, user, 4m));
        Assert.Equal("SUCCESS", await Api.PayAsync(client, NewEventId(), payment, invoice, user, 10m));
        Assert.Equal("SUCCESS", await Api.RefundAsync(client, refundEvent, refund, payment, invoice, user, 4m));
        var balances = await Api.TrialBalanceAsync(client);
        Assert.Equal((6m, 0m), balances["1000"]);
        Assert.Equal((4m, 0m), balances["4100"]);

        Assert.Equal("DROP", await Api.PayAsync(client, NewEventId(), Guid.NewGuid(), invoice, user, 1.001m));
        Assert.Equal("DROP", await Api.PayAsync(client, NewEventId(), Guid.NewGuid(), invoice, user, 5m, fee: 6m));
        Assert.Equal("DROP", await Api.PayAsync(client, NewEventId(), Guid.NewGuid(), invoice, user, 5m, currency: "XYZ"));
    }

    [Fact]
    public async Task Events_sent_by_service_invocation_instead_of_pub_sub_are_refused()
    {
        var user = Guid.NewGuid();
        var client = app.Client(null);
        var invoice = await Api.InvoiceIdAsync(app.Client(user), 10m);
        var status = await Api.DeliverAsync(client, "/events/payment-completed", "payment_completed", NewEventId(), new
        {
            paymentId = Guid.NewGuid(), invoiceId = invoice, userId = user, amount = 10m, currency = "USD", processorReference = "x", completedAt = DateTimeOffset.UtcNow,
        }, callerAppId: "gateway");
        Assert.Equal("HTTP 403", status);
        Assert.Equal(0m, (await InvoiceAsync(app.Client(user), invoice)).GetProperty("amountPaid").GetDecimal());
    }
}
