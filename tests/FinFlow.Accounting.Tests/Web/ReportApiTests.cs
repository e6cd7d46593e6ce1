using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FinFlow.Accounting.Tests.Web;

/// <summary>Aging, the cash-flow series and per-currency trial balances through the real app.</summary>
[Collection(AccountingSuite.Name)]
public class ReportApiTests(AccountingFixture app)
{
    // Dates lie in the future: an invoice only counts from the day it was created.
    [Fact]
    public async Task Aging_puts_open_balances_in_buckets_by_days_past_due()
    {
        var user = Guid.NewGuid();
        var client = app.Client(user);
        await Api.InvoiceIdAsync(client, 10m, dueDate: "2031-02-01"); // not yet due on 2031-01-01
        await Api.InvoiceIdAsync(client, 20m, dueDate: "2031-01-01"); // due that day: 0 days
        await Api.InvoiceIdAsync(client, 40m, dueDate: "2030-11-15"); // 47 days
        var partly = await Api.InvoiceIdAsync(client, 80m, dueDate: "2030-08-03"); // 151 days
        var paid = await Api.InvoiceIdAsync(client, 160m, dueDate: "2030-08-03");
        Assert.Equal("SUCCESS", await Api.PayAsync(client, Guid.NewGuid().ToString(), Guid.NewGuid(), partly, user, 30m));
        Assert.Equal("SUCCESS", await Api.PayAsync(client, Guid.NewGuid().ToString(), Guid.NewGuid(), paid, user, 160m));
        await Api.InvoiceIdAsync(client, 5000m, "JPY", "2030-12-20");

        var report = await client.GetFromJsonAsync<JsonElement>("/accounting/reports/aging?asOf=2031-01-01");
        var byCurrency = report.GetProperty("currencies").EnumerateArray().ToDictionary(c => c.GetProperty("currency").GetString()!);
        var usd = byCurrency["USD"];
        Assert.Equal(
            (10m, 20m, 40m, 0m, 50m, 120m, 4),
            (usd.GetProperty("current").GetDecimal(), usd.GetProperty("days0To30").GetDecimal(), usd.GetProperty("days31To60").GetDecimal(),
             usd.GetProperty("days61To90").GetDecimal(), usd.GetProperty("days90Plus").GetDecimal(), usd.GetProperty("total").GetDecimal(),
             usd.GetProperty("openInvoices").GetInt32()));
        Assert.Equal(5000m, byCurrency["JPY"].GetProperty("days0To30").GetDecimal());
    }

    [Fact]
    public async Task The_cash_flow_series_has_every_period_and_sums_cash_movements()
    {
        var user = Guid.NewGuid();
        var client = app.Client(user);
        var invoice = await Api.InvoiceIdAsync(client, 1000m);
        var day = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero); // a Monday
        Assert.Equal("SUCCESS", await Api.PayAsync(client, Guid.NewGuid().ToString(), Guid.NewGuid(), invoice, user, 100m, at: day));
        Assert.Equal("SUCCESS", await Api.PayAsync(client, Guid.NewGuid().ToString(), Guid.NewGuid(), invoice, user, 50m, at: day.AddDays(9)));
        await client.PostAsJsonAsync("/accounting/ledger-entry", new { debitAccount = "6100", creditAccount = "1000", amount = 30m, currency = "USD", date = "2026-03-03" });

        var daily = await client.GetFromJsonAsync<JsonElement>("/accounting/reports/cash-flow?from=2026-03-01&to=2026-03-14&granularity=day");
        var points = daily.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(14, points.Count);
        Assert.Equal(100m, points[1].GetProperty("inflow").GetDecimal());
        Assert.Equal(-30m, points[2].GetProperty("net").GetDecimal());
        Assert.Equal(50m, points[10].GetProperty("net").GetDecimal());

        var weekly = await client.GetFromJsonAsync<JsonElement>("/accounting/reports/cash-flow?from=2026-03-01&to=2026-03-14&granularity=week");
        Assert.Equal(
            [("2026-02-23", 0m), ("2026-03-02", 70m), ("2026-03-09", 50m)],
            weekly.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("period").GetString(), p.GetProperty("net").GetDecimal())));
        await Api.AssertFieldErrorAsync(await client.GetAsync("/accounting/reports/cash-flow?granularity=hour"), "granularity");
        await Api.AssertFieldErrorAsync(await client.GetAsync("/accounting/reports/cash-flow?from=2026-03-10&to=2026-03-01"), "to");
        await Api.AssertFieldErrorAsync(await client.GetAsync("/accounting/reports/cash-flow?from=2000-01-01&to=2026-03-01"), "from");
    }

    [Fact]
    public async Task Books_in_two_currencies_need_a_currency_for_the_trial_balance()
    {
        var client = app.Client(Guid.NewGuid());
        Assert.Empty(await Api.TrialBalanceAsync(client));
        await Api.InvoiceIdAsync(client, 10m);
        await Api.InvoiceIdAsync(client, 7m, "EUR");

        await Api.AssertFieldErrorAsync(await client.GetAsync("/accounting/trial-balance"), "currency");
        Assert.Equal((7m, 0m), (await Api.TrialBalanceAsync(client, "?currency=EUR"))["1100"]);
        await Api.AssertFieldErrorAsync(await client.GetAsync("/accounting/trial-balance?currency=EUR&asOf=yesterday"), "asOf");
    }
}
