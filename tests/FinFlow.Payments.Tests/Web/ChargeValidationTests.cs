using FinFlow.Testing;
using System.Net;
using System.Net.Http.Json;
using FinFlow.Payments.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Payments.Tests.Web;

/// <summary>
/// What a charge is checked against: its own fields, then the invoice as accounting reports it through the
/// real sidecars (another user's invoice is accounting's 404; a closed one, another currency or more than
/// is owed is refused); nothing is charged when any check fails.
/// </summary>
[Collection(PlatformSuite.Name)]
public class ChargeValidationTests(PaymentsPlatform platform)
{
    private async Task<HttpResponseMessage> SendAsync(Guid user, object body, string? key = null) =>
        await platform.Client(user).SendAsync(Api.Charge(body, key ?? Guid.NewGuid().ToString()));

    private async Task<long> PaymentsForAsync(Guid invoiceId) =>
        (await platform.QueryAsync<long>("SELECT count(*) FROM payments WHERE invoice_id = @invoiceId", new { invoiceId }))[0];

    [Theory]
    [InlineData(10.005, "USD", "amount")]
    [InlineData(1.5, "JPY", "amount")]
    [InlineData(-5, "USD", "amount")]
    [InlineData(0, "USD", "amount")]
    [InlineData(10, "usd", "currency")]
    [InlineData(10, "XXX", "currency")]
    public async Task Bad_amounts_and_currencies_are_a_400_naming_the_field(double amount, string currency, string field)
    {
        var user = Guid.NewGuid();
        var invoice = platform.Invoice(user, 100m);
        var response = await SendAsync(user, new { invoiceId = invoice.Id, amount = (decimal)amount, currency, source = "pm_card_visa" });
        await Api.AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, platform.Accounting.LookupsOf(invoice.Id));
    }

    [Theory]
    [InlineData("4242424242424242")]
    [InlineData("tok_visa")]
    [InlineData("")]
    public async Task A_source_that_is_not_a_payment_method_token_is_refused_before_anything_is_stored(string source)
    {
        var user = Guid.NewGuid();
        var response = await SendAsync(user, new { invoiceId = Guid.NewGuid(), amount = 1m, currency = "USD", source });
        await Api.AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, "source");
        Assert.Empty(await platform.QueryAsync<Guid>("SELECT id FROM payments WHERE payment_method = @source", new { source }));
    }

    [Fact]
    public async Task A_missing_body_field_and_a_missing_key_are_reported_together()
    {
        var response = await platform.Client(Guid.NewGuid()).SendAsync(Api.Charge(new { amount = 1m, currency = "USD", source = "pm_card_visa" }, null));
        await Api.AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, "invoiceId", "idempotencyKey");
    }

    [Fact]
    public async Task A_charge_above_what_the_invoice_still_owes_is_a_422_naming_amount()
    {
        var user = Guid.NewGuid();
        var invoice = platform.Invoice(user, 100m, amountPaid: 70m);
        var problem = await Api.ProblemAsync(await SendAsync(user, Api.ChargeBody(invoice.Id, 30.01m)), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("30.00 USD", problem.GetProperty("errors").GetProperty("amount")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await PaymentsForAsync(invoice.Id));

        await Api.CreatedAsync(await SendAsync(user, Api.ChargeBody(invoice.Id, 30.00m)));
    }

    [Fact]
    public async Task Payments_already_in_flight_count_against_the_invoice_even_before_accounting_hears_of_them()
    {
        var user = Guid.NewGuid();
        var invoice = platform.Invoice(user, 100m);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendAsync(user, Api.ChargeBody(invoice.Id, 40m))));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
        Assert.Equal(2, await PaymentsForAsync(invoice.Id));
    }

    [Fact]
    public async Task A_charge_in_another_currency_than_the_invoice_is_a_422_naming_currency()
    {
        var user = Guid.NewGuid();
        var invoice = platform.Invoice(user, 100m, "EUR");
        await Api.AssertFieldErrorAsync(await SendAsync(user, Api.ChargeBody(invoice.Id, 10m, "USD")), HttpStatusCode.UnprocessableEntity, "currency");
        Assert.Equal(0, await PaymentsForAsync(invoice.Id));
    }

    [Theory]
    [InlineData("PAID")]
    [InlineData("VOID")]
    public async Task A_paid_or_void_invoice_takes_no_payment(string status)
    {
        var user = Guid.NewGuid();
        var invoice = platform.Invoice(user, 100m, status: status, amountPaid: status == "PAID" ? 100m : 0m);
        var problem = await Api.ProblemAsync(await SendAsync(user, Api.ChargeBody(invoice.Id, 1m)), HttpStatusCode.Conflict);
        Assert.Contains(status, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await PaymentsForAsync(invoice.Id));
    }

    [Fact]
    public async Task Another_users_invoice_is_a_404_because_the_callers_token_is_what_accounting_sees()
    {
        var owner = Guid.NewGuid();
        var intruder = Guid.NewGuid();
        var invoice = platform.Invoice(owner, 100m);

        await Api.ProblemAsync(await SendAsync(intruder, Api.ChargeBody(invoice.Id, 10m)), HttpStatusCode.NotFound);
        Assert.Equal(0, await PaymentsForAsync(invoice.Id));
        // The lookup went payments → its sidecar → accounting's sidecar → accounting, with the intruder's own token
        // and the app token the accounting sidecar adds.
        Assert.Contains(platform.Accounting.Requests, r => TestTokenIssuer.SubjectOf(r.Authorization) == intruder && r.AppToken == PaymentsPlatform.AppToken);
        await Api.CreatedAsync(await SendAsync(owner, Api.ChargeBody(invoice.Id, 10m)));
    }

    [Fact]
    public async Task Accounting_unavailable_is_a_503_and_nothing_is_charged_then_the_same_key_works_once_it_is_back()
    {
        var user = Guid.NewGuid();
        var invoice = platform.Invoice(user, 100m);
        var key = Guid.NewGuid().ToString();
        platform.Accounting.Available = false;
        try
        {
            var response = await SendAsync(user, Api.ChargeBody(invoice.Id, 10m), key);
            await Api.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.True(response.Headers.Contains("Retry-After"));
        }
        finally
        {
            platform.Accounting.Available = true;
        }

        Assert.Equal(0, await PaymentsForAsync(invoice.Id));
        Assert.Equal(0, platform.Processor.ChargesForInvoice(invoice.Id));
        await Api.CreatedAsync(await SendAsync(user, Api.ChargeBody(invoice.Id, 10m), key));
        Assert.Equal(1, await PaymentsForAsync(invoice.Id));
    }

    [Fact]
    public async Task An_unknown_payment_method_fails_the_payment_as_the_processor_does()
    {
        var user = Guid.NewGuid();
        var invoice = platform.Invoice(user, 100m);
        var payment = await Api.ChargeAsync(platform.Client(user), invoice.Id, 10m, source: "pm_card_doesNotExist");
        Assert.Equal("FAILED", payment.GetProperty("status").GetString());
        Assert.Equal("resource_missing", payment.GetProperty("failureCode").GetString());
    }

    [Fact]
    public async Task Every_route_but_the_webhook_needs_a_token_and_calls_around_the_sidecar_are_refused()
    {
        var anonymous = platform.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Api.Charge(Api.ChargeBody(Guid.NewGuid(), 1m), "k"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/payments/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/payments")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/payments/{Guid.NewGuid()}/refund", new { })).StatusCode);

        // Without the app token (i.e. not through the sidecar), even a valid access token is refused.
        using var direct = platform.App.CreateClient();
        direct.DefaultRequestHeaders.Authorization = new("Bearer", platform.Tokens.Token(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync("/payments")).StatusCode);
    }
}
