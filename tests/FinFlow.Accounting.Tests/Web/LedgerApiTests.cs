using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FinFlow.Accounting.Tests.Web;

/// <summary>Manual entries, the ledger listing, voiding and the ADMIN <c>?userId=</c> scope through the real app.</summary>
[Collection(AccountingSuite.Name)]
public class LedgerApiTests(AccountingFixture app)
{
    private static object Entry(string debit = "6100", string credit = "1000", decimal amount = 12.34m, string currency = "USD", string date = "2026-03-31", Guid? invoiceId = null) =>
        new { debitAccount = debit, creditAccount = credit, amount, currency, date, memo = "Bank charges", invoiceId };

    [Fact]
    public async Task A_manual_entry_is_posted_on_its_date_and_shows_in_the_ledger_and_the_trial_balance()
    {
        var client = app.Client(Guid.NewGuid());
        var response = await client.PostAsJsonAsync("/accounting/ledger-entry", Entry());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-03-31", entry.GetProperty("date").GetString());
        Assert.Equal(
            [("6100", "debit", 12.34m), ("1000", "credit", 12.34m)],
            entry.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("account").GetString(), l.GetProperty("side").GetString(), l.GetProperty("amount").GetDecimal())));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(response.Headers.Location)).StatusCode);

        var balances = await Api.TrialBalanceAsync(client);
        Assert.Equal((12.34m, 0m), balances["6100"]);
        Assert.Equal((0m, 12.34m), balances["1000"]);
        Assert.DoesNotContain((await Api.TrialBalanceAsync(client, "?asOf=2026-03-30")).Values, v => v != (0m, 0m));
    }

    [Theory]
    [InlineData("9999", "1000", 1, "USD", "2026-01-01", "debitAccount")]
    [InlineData("1000", "1000", 1, "USD", "2026-01-01", "creditAccount")]
    [InlineData("6100", "1000", -5, "USD", "2026-01-01", "amount")]
    [InlineData("6100", "1000", 0.001, "USD", "2026-01-01", "amount")]
    [InlineData("6100", "1000", 1, "ABC", "2026-01-01", "currency")]
    [InlineData("6100", "1000", 1, "USD", "01/02/2026", "date")]
    public async Task Bad_manual_entries_are_a_400_naming_the_field(string debit, string credit, double amount, string currency, string date, string field)
    {
        var response = await app.Client(Guid.NewGuid()).PostAsJsonAsync("/accounting/ledger-entry", Entry(debit, credit, (decimal)amount, currency, date));
        await Api.AssertFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task An_entry_for_another_users_invoice_is_refused_and_the_ledger_stays_private()
    {
        var stranger = app.Client(Guid.NewGuid());
        var theirs = await Api.InvoiceIdAsync(stranger, 10m);
        var me = app.Client(Guid.NewGuid());
        await Api.AssertFieldErrorAsync(await me.PostAsJsonAsync("/accounting/ledger-entry", Entry(invoiceId: theirs)), "invoiceId");

        var theirEntry = (await stranger.GetFromJsonAsync<JsonElement>("/accounting/ledger")).GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/accounting/ledger/{theirEntry}")).StatusCode);
        Assert.Equal(0, (await me.GetFromJsonAsync<JsonElement>("/accounting/ledger")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_ledger_filters_by_date_and_account_and_pages()
    {
        var client = app.Client(Guid.NewGuid());
        foreach (var date in new[] { "2026-01-10", "2026-02-10", "2026-03-10" })
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/accounting/ledger-entry", Entry(date: date))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/accounting/ledger-entry", Entry("1000", "4000", date: "2026-02-11"))).StatusCode);
        var fees = await client.GetFromJsonAsync<JsonElement>("/accounting/ledger?account=6100&from=2026-02-01&to=2026-03-31&pageSize=1");
        Assert.Equal(2, fees.GetProperty("total").GetInt32());
        Assert.Equal("2026-03-10", fees.GetProperty("items")[0].GetProperty("date").GetString());
        await Api.AssertFieldErrorAsync(await client.GetAsync("/accounting/ledger?from=2026-02-30"), "from");
        await Api.AssertFieldErrorAsync(await client.GetAsync("/accounting/ledger?account=1234"), "account");
        await Api.AssertFieldErrorAsync(await client.GetAsync("/accounting/ledger?pageSize=1000"), "pageSize");
    }

    [Fact]
    public async Task Voiding_reverses_the_invoice_entry_and_is_refused_once_paid()
    {
        var user = Guid.NewGuid();
        var client = app.Client(user);
        var invoice = await Api.InvoiceIdAsync(client, 80m);
        var voided = await client.PostAsync($"/accounting/invoices/{invoice}/void", null);
        Assert.Equal("VOID", (await voided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/accounting/invoices/{invoice}/void", null)).StatusCode);
        Assert.All((await Api.TrialBalanceAsync(client)).Values, v => Assert.Equal((0m, 0m), v));

        var paid = await Api.InvoiceIdAsync(client, 5m);
        Assert.Equal("SUCCESS", await Api.PayAsync(client, Guid.NewGuid().ToString(), Guid.NewGuid(), paid, user, 5m));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/accounting/invoices/{paid}/void", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client(Guid.NewGuid()).PostAsync($"/accounting/invoices/{paid}/void", null)).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_may_read_another_users_books()
    {
        var owner = Guid.NewGuid();
        var invoice = await Api.InvoiceIdAsync(app.Client(owner), 10m);
        var admin = app.Client(Guid.NewGuid(), "ADMIN");
        var nosy = app.Client(Guid.NewGuid());

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/accounting/invoices/{invoice}?userId={owner}")).StatusCode);
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>($"/accounting/ledger?userId={owner}")).GetProperty("total").GetInt32());
        Assert.Equal(10m, (await Api.TrialBalanceAsync(admin, $"?userId={owner}"))["1100"].Debit);
        foreach (var path in new[] { $"/accounting/invoices/{invoice}", "/accounting/ledger", "/accounting/trial-balance", "/accounting/reports/aging", "/accounting/unmatched-payments" })
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            Assert.Equal(HttpStatusCode.Forbidden, (await nosy.GetAsync($"{path}{separator}userId={owner}")).StatusCode);
        }
    }
}
