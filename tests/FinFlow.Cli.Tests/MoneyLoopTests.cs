using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FinFlow.Cli.Tests;

/// <summary>
/// The money loop on the running platform (auth, accounting, payments and the gateway, each behind its
/// sidecar, events over Redis), driven only through the gateway as a client would: invoice → charge with
/// the simulated processor's test cards → webhook → payment_completed → invoice paid, books balanced.
/// </summary>
public class MoneyLoopTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Charges_settle_into_the_ledger_declines_leave_the_invoice_open_and_refunds_move_money_back()
    {
        await using var platform = await PlatformSession.StartAsync("auth", "accounting", "payments");

        // A good card pays the whole invoice; the books show the cash, net of the processor's fee.
        var invoice = await CreateInvoiceAsync(platform, 100.00m);
        var paid = await ChargeAsync(platform, invoice, 100.00m, "pm_card_visa");
        var settled = await WaitForInvoiceAsync(platform, invoice, "PAID");
        Assert.Equal(100.00m, settled.GetProperty("amountPaid").GetDecimal());
        var balances = await TrialBalanceAsync(platform);
        Assert.Equal(0m, balances["1100"].Debit);
        Assert.True(balances["1000"].Debit > 0m, "cash is debited");
        Assert.Equal(100.00m, balances["1000"].Debit + balances["6100"].Debit);

        // A declined card changes nothing in the books and says why.
        var open = await CreateInvoiceAsync(platform, 40.00m);
        var declined = await ChargeAsync(platform, open, 40.00m, "pm_card_chargeDeclined");
        var failure = await WaitForPaymentAsync(platform, declined, "FAILED");
        Assert.Contains("decline", failure.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("PENDING", (await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/accounting/invoices/{open}")).GetProperty("status").GetString());

        // Two partial payments make an invoice paid.
        var split = await CreateInvoiceAsync(platform, 60.00m);
        await ChargeAsync(platform, split, 25.00m, "pm_card_visa");
        await WaitForInvoiceAsync(platform, split, "PARTIALLY_PAID");
        await ChargeAsync(platform, split, 35.00m, "pm_card_visa");
        await WaitForInvoiceAsync(platform, split, "PAID");

        // A refund moves money back out of cash in the ledger.
        var cashBefore = (await TrialBalanceAsync(platform))["1000"].Debit;
        using var refund = await platform.Gateway.PostAsJsonAsync($"/api/payments/{paid}/refund", new { amount = 30.00m });
        Assert.True(refund.IsSuccessStatusCode, await refund.Content.ReadAsStringAsync());
        var deadline = DateTime.UtcNow + Settle;
        var cashAfter = cashBefore;
        while (cashAfter == cashBefore && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            cashAfter = (await TrialBalanceAsync(platform))["1000"].Debit;
        }

        Assert.Equal(cashBefore - 30.00m, cashAfter);
        Assert.Equal(30.00m, (await TrialBalanceAsync(platform))["4100"].Debit);
    }

    private static async Task<Guid> CreateInvoiceAsync(PlatformSession platform, decimal amount)
    {
        using var created = await platform.Gateway.PostAsJsonAsync(
            "/api/accounting/invoices", new { client = "Acme Ltd", amount, currency = "USD", dueDate = "2030-06-30" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> ChargeAsync(PlatformSession platform, Guid invoiceId, decimal amount, string source)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/charge")
        {
            Content = JsonContent.Create(new { invoiceId, amount, currency = "USD", source }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await platform.Gateway.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> WaitForInvoiceAsync(PlatformSession platform, Guid invoiceId, string status)
    {
        var invoice = await platform.PollAsync($"/api/accounting/invoices/{invoiceId}", body => body.GetProperty("status").GetString() == status, Settle);
        Assert.Equal(status, invoice.GetProperty("status").GetString());
        return invoice;
    }

    private static async Task<JsonElement> WaitForPaymentAsync(PlatformSession platform, Guid paymentId, string status)
    {
        var payment = await platform.PollAsync($"/api/payments/{paymentId}", body => body.GetProperty("status").GetString() == status, Settle);
        Assert.Equal(status, payment.GetProperty("status").GetString());
        return payment;
    }

    private static async Task<Dictionary<string, (decimal Debit, decimal Credit)>> TrialBalanceAsync(PlatformSession platform)
    {
        var body = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/accounting/trial-balance");
        Assert.Equal(body.GetProperty("totalDebit").GetDecimal(), body.GetProperty("totalCredit").GetDecimal());
        return body.GetProperty("accounts").EnumerateArray().ToDictionary(
            a => a.GetProperty("code").GetString()!, a => (a.GetProperty("debit").GetDecimal(), a.GetProperty("credit").GetDecimal()));
    }
}
