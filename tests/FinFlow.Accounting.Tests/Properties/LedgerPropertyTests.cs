using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsCheck;
using FinFlow.Accounting.Payments;
using FinFlow.Accounting.Tests.Web;
using FinFlow.Contracts.Events;
using Xunit;

namespace FinFlow.Accounting.Tests.Properties;

/// <summary>
/// Random histories against the real app and PostgreSQL: whatever the order, duplication or re-publication
/// of payment events, the books stay balanced, every invoice's amountPaid equals what was applied to it, and
/// no event takes effect twice.
/// </summary>
[Collection(AccountingSuite.Name)]
public class LedgerPropertyTests(AccountingFixture app)
{
    [Fact]
    public Task Any_history_of_invoices_payments_refunds_and_manual_entries_keeps_the_books_sound() =>
        LedgerScenario.Generator.SampleAsync(RunAsync, iter: 40, threads: 1, print: s => s.ToString());

    private async Task RunAsync(LedgerScenario scenario)
    {
        var user = Guid.NewGuid();
        var client = app.Client(user);
        var invoices = new List<Guid>();
        foreach (var minor in scenario.Invoices) invoices.Add(await Api.InvoiceIdAsync(client, minor / 100m));
        foreach (var (debit, credit, amount) in scenario.ManualEntries)
        {
            var response = await client.PostAsJsonAsync("/accounting/ledger-entry", new { debitAccount = debit, creditAccount = credit, amount = amount / 100m, currency = "USD", date = "2026-05-01" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var payments = scenario.Payments.Select(p => new PaymentCompleted(
            Guid.NewGuid(), invoices[p.Invoice], user, p.Amount / 100m, "USD", p.Fee / 100m, "pi_test", DateTimeOffset.UtcNow)).ToList();
        var deliveries = new List<Func<Task<PaymentResult>>>();
        for (var i = 0; i < payments.Count; i++)
        {
            var payment = payments[i];
            var eventId = Guid.NewGuid().ToString();
            for (var n = 0; n < scenario.Payments[i].Deliveries; n++) deliveries.Add(() => PaymentApplication.ApplyAsync(app.DataSource, eventId, payment, default));
            if (scenario.Payments[i].Republished) deliveries.Add(() => PaymentApplication.ApplyAsync(app.DataSource, Guid.NewGuid().ToString(), payment, default));
        }

        foreach (var (index, percent) in scenario.Refunds)
        {
            var payment = payments[index];
            var refund = new PaymentRefunded(
                Guid.NewGuid(), payment.PaymentId, payment.InvoiceId, user, Math.Max(1, scenario.Payments[index].Amount * percent / 100) / 100m, "USD", DateTimeOffset.UtcNow);
            var eventId = Guid.NewGuid().ToString();
            deliveries.Add(() => RefundApplication.ApplyAsync(app.DataSource, eventId, refund, default));
            deliveries.Add(() => RefundApplication.ApplyAsync(app.DataSource, eventId, refund, default));
        }

        // Shuffled: refunds may arrive before their payment (RETRY) and are delivered again, as Dapr would.
        var pending = deliveries.ToList();
        new Random(scenario.ShuffleSeed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pending));
        for (var round = 0; round < 4 && pending.Count > 0; round++)
        {
            var retry = new List<Func<Task<PaymentResult>>>();
            foreach (var deliver in pending)
            {
                var result = await deliver();
                Assert.NotEqual(PaymentOutcome.Invalid, result.Outcome);
                if (result.Outcome == PaymentOutcome.Retry) retry.Add(deliver);
            }

            pending = retry;
        }

        Assert.Empty(pending);
        await AssertSoundAsync(client, user, invoices, payments, scenario);
    }

    private async Task AssertSoundAsync(HttpClient client, Guid user, List<Guid> invoices, List<PaymentCompleted> payments, LedgerScenario scenario)
    {
        await Api.TrialBalanceAsync(client); // asserts total debit = total credit
        for (var i = 0; i < invoices.Count; i++)
        {
            var invoice = await client.GetFromJsonAsync<JsonElement>($"/accounting/invoices/{invoices[i]}");
            var expected = Math.Min(scenario.Invoices[i], scenario.Payments.Where(p => p.Invoice == i).Sum(p => p.Amount)) / 100m;
            var applied = invoice.GetProperty("payments").EnumerateArray().Sum(p => p.GetProperty("applied").GetDecimal());
            Assert.Equal(expected, invoice.GetProperty("amountPaid").GetDecimal());
            Assert.Equal(expected, applied);
            Assert.Equal(expected == scenario.Invoices[i] / 100m, invoice.GetProperty("status").GetString() == "PAID");
        }

        var entries = (await app.QueryAsync<long>("SELECT count(*) FROM journal_entries WHERE user_id = @user", new { user }))[0];
        Assert.Equal(invoices.Count + payments.Count + scenario.Refunds.Length + scenario.ManualEntries.Length, entries);
        var drift = await app.QueryAsync<string>(
            """
            SELECT a.code FROM accounts a
              LEFT JOIN (SELECT account_id, sum(amount_minor) FILTER (WHERE side = 'D') AS d, sum(amount_minor) FILTER (WHERE side = 'C') AS c
                           FROM journal_lines GROUP BY account_id) l ON l.account_id = a.id
              LEFT JOIN (SELECT account_id, sum(debit_minor) AS d, sum(credit_minor) AS c FROM account_daily_totals GROUP BY account_id) t ON t.account_id = a.id
             WHERE a.user_id = @user AND (coalesce(l.d, 0) <> coalesce(t.d, 0) OR coalesce(l.c, 0) <> coalesce(t.c, 0))
            """, new { user });
        Assert.Empty(drift);
    }
}
