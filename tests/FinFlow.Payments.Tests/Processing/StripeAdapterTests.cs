using System.Diagnostics;
using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Payments.Processing;
using FinFlow.Payments.Processing.StripeAdapter;
using Microsoft.Extensions.Logging.Abstractions;
using Stripe;
using Xunit;

namespace FinFlow.Payments.Tests.Processing;

/// <summary>
/// The Stripe adapter against WireMock stubs of Stripe's API: the exact requests Stripe.net sends for a
/// confirmed PaymentIntent, and how Stripe's error answers (card_error 402, 429, 500) come out of the port.
/// </summary>
public sealed class StripeAdapterTests : IDisposable
{
    private const string ApiKey = "sk_test_payments_stub_key";
    private readonly StripeStub _stripe = new();

    private StripePaymentProcessor Processor(int retries = 0) => new(
        new StripeClient(ApiKey, httpClient: new SystemNetHttpClient(new HttpClient(), retries, enableTelemetry: false), apiBase: _stripe.Url.ToString().TrimEnd('/')),
        NullLogger<StripePaymentProcessor>.Instance);

    private static ProcessorChargeRequest Charge(decimal amount = 10.50m, string currency = "USD", string method = "pm_card_visa") =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Money.FromDecimal(amount, Currency.FromCode(currency)), method);

    [Fact]
    public async Task A_charge_creates_and_confirms_one_PaymentIntent_in_minor_units_with_our_idempotency_key()
    {
        _stripe.Answer("POST", "/v1/payment_intents", 200, StripeStub.Intent("pi_3Stub", "succeeded", 1050));
        var request = Charge();

        var result = await Processor().ChargeAsync(request, CancellationToken.None);

        Assert.Equal(ProcessorOutcome.Succeeded, result.Outcome);
        Assert.Equal("pi_3Stub", result.ProcessorPaymentId);
        Assert.Equal(335, result.FeeMinor);
        Assert.Equal(new("visa", "4242"), result.Card);
        var sent = Assert.Single(_stripe.Requests("/v1/payment_intents"));
        Assert.Equal($"finflow-payment-{request.PaymentId:N}", StripeStub.Header(sent, "Idempotency-Key"));
        Assert.Equal($"Bearer {ApiKey}", StripeStub.Header(sent, "Authorization"));
        var form = StripeStub.Form(sent);
        Assert.Equal("1050", form["amount"]);
        Assert.Equal("usd", form["currency"]);
        Assert.Equal("true", form["confirm"]);
        Assert.Equal("pm_card_visa", form["payment_method"]);
        Assert.Equal("never", form["automatic_payment_methods[allow_redirects]"]);
        Assert.Equal(request.PaymentId.ToString(), form["metadata[finflow_payment_id]"]);
        Assert.Equal(request.InvoiceId.ToString(), form["metadata[finflow_invoice_id]"]);
        Assert.Contains("latest_charge.balance_transaction", form.GetValues("expand[1]") ?? form.GetValues("expand[]") ?? []);
    }

    [Theory]
    [InlineData(1000, "JPY", "1000", "jpy")]
    [InlineData(12.345, "BHD", "12345", "bhd")]
    public async Task Amounts_go_in_the_currencys_minor_unit(double amount, string currency, string minor, string lower)
    {
        _stripe.Answer("POST", "/v1/payment_intents", 200, StripeStub.Intent("pi_3Minor", "processing", long.Parse(minor, System.Globalization.CultureInfo.InvariantCulture)));
        var result = await Processor().ChargeAsync(Charge((decimal)amount, currency), CancellationToken.None);
        Assert.Equal(ProcessorOutcome.Pending, result.Outcome);
        var form = StripeStub.Form(Assert.Single(_stripe.Requests("/v1/payment_intents")));
        Assert.Equal(minor, form["amount"]);
        Assert.Equal(lower, form["currency"]);
    }

    [Fact]
    public async Task A_card_error_402_is_a_failed_result_with_the_decline_code_not_an_exception()
    {
        _stripe.Answer("POST", "/v1/payment_intents", 402, """
            {"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
              "message": "Your card has insufficient funds.",
              "payment_intent": {"id": "pi_3Declined", "object": "payment_intent", "status": "requires_payment_method", "amount": 1050, "currency": "usd"}}}
            """);

        var result = await Processor(retries: 2).ChargeAsync(Charge(), CancellationToken.None);

        Assert.Equal(ProcessorOutcome.Failed, result.Outcome);
        Assert.Equal("insufficient_funds", result.FailureCode);
        Assert.Equal("Your card has insufficient funds.", result.FailureMessage);
        Assert.Equal("pi_3Declined", result.ProcessorPaymentId);
        Assert.Single(_stripe.Requests("/v1/payment_intents")); // a decline is final: never retried
    }

    [Fact]
    public async Task A_requires_action_answer_is_reported_as_such()
    {
        _stripe.Answer("POST", "/v1/payment_intents", 200, StripeStub.Intent("pi_3Action", "requires_action", 1050));
        Assert.Equal(ProcessorOutcome.RequiresAction, (await Processor().ChargeAsync(Charge(), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_rate_limit_429_is_processor_unavailable()
    {
        _stripe.Answer("POST", "/v1/payment_intents", 429, """{"error": {"type": "invalid_request_error", "code": "rate_limit", "message": "Too many requests."}}""");
        await Assert.ThrowsAsync<ProcessorUnavailableException>(() => Processor().ChargeAsync(Charge(), CancellationToken.None));
    }

    [Fact]
    public async Task A_500_is_retried_with_the_same_idempotency_key_then_reported_unavailable()
    {
        _stripe.Answer("POST", "/v1/payment_intents", 500, """{"error": {"type": "api_error", "message": "Something went wrong on Stripe's end."}}""");
        var request = Charge();
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<ProcessorUnavailableException>(() => Processor(retries: 1).ChargeAsync(request, CancellationToken.None));

        var sent = _stripe.Requests("/v1/payment_intents");
        Assert.Equal(2, sent.Count);
        Assert.All(sent, entry => Assert.Equal($"finflow-payment-{request.PaymentId:N}", StripeStub.Header(entry, "Idempotency-Key")));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_refund_names_the_intent_the_amount_and_its_own_idempotency_key()
    {
        _stripe.Answer("POST", "/v1/refunds", 200, """{"id": "re_3Stub", "object": "refund", "amount": 300, "currency": "usd", "status": "succeeded"}""");
        var request = new ProcessorRefundRequest(Guid.NewGuid(), Guid.NewGuid(), "pi_3Stub", Money.FromDecimal(3m, Currency.USD));

        var result = await Processor().RefundAsync(request, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("re_3Stub", result.ProcessorRefundId);
        var sent = Assert.Single(_stripe.Requests("/v1/refunds"));
        Assert.Equal($"finflow-refund-{request.RefundId:N}", StripeStub.Header(sent, "Idempotency-Key"));
        var form = StripeStub.Form(sent);
        Assert.Equal("pi_3Stub", form["payment_intent"]);
        Assert.Equal("300", form["amount"]);
    }

    [Fact]
    public async Task The_fee_is_read_from_the_latest_charges_balance_transaction()
    {
        _stripe.Answer("GET", "/v1/payment_intents/pi_3Fee", 200, StripeStub.Intent("pi_3Fee", "succeeded", 1050));
        Assert.Equal(335, await Processor().FindFeeAsync("pi_3Fee", Money.FromDecimal(10.50m, Currency.USD), CancellationToken.None));
        var sent = Assert.Single(_stripe.Requests("/v1/payment_intents/pi_3Fee"));
        Assert.Contains("latest_charge.balance_transaction", Uri.UnescapeDataString(sent.RequestMessage.Url), StringComparison.Ordinal);
    }

    public void Dispose() => _stripe.Dispose();
}
