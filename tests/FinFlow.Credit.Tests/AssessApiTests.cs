using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Credit.Tests.Infrastructure;
using Xunit;
using static FinFlow.Credit.Tests.Infrastructure.BookScenarios;

namespace FinFlow.Credit.Tests;

/// <summary>
/// <c>POST /credit/assess</c>: the credit app reads the caller's books through its real sidecar, the accounting and
/// analytics sidecars and the stand-in behind them; the features must follow the README's mapping exactly.
/// </summary>
[Collection(PlatformSuite.Name)]
public class AssessApiTests(CreditPlatform platform)
{
    [Fact]
    public async Task Features_come_from_the_callers_own_books_with_their_token_forwarded()
    {
        var user = Guid.NewGuid();
        platform.Books.Set(user, Healthy());
        var client = platform.Client(user);
        var assessment = await Api.OkAsync(await client.PostAsync("/credit/assess", null));

        var requests = platform.Books.RequestsOf(user);
        Assert.All(requests, r =>
        {
            Assert.Equal($"Bearer {client.DefaultRequestHeaders.Authorization!.Parameter}", r.Authorization);
            Assert.Equal(CreditPlatform.AppToken, r.AppToken); // delivered by the callee's sidecar
            Assert.Equal("credit", r.CallerAppId); // the hop was vouched for by the credit sidecar
        });
        var query = CashFlowQuery(requests);
        var today = AppToday(requests);
        Assert.Equal(new DateOnly(today.Year, today.Month, 1).AddMonths(-11), DateOnly.ParseExact(query["from"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal("month", query["granularity"]);
        Assert.Single(requests, r => r.PathAndQuery == "/accounting/invoices?pageSize=100&page=1");
        Assert.Single(requests, r => r.PathAndQuery == "/accounting/trial-balance");
        var forecast = Assert.Single(requests, r => r.PathAndQuery == "/analytics/forecast");
        Assert.Equal("{}", forecast.Body);
        // Only the five paid invoices are read one by one (for their payment dates); nothing else is asked.
        Assert.Equal(5, requests.Count(r => r.PathAndQuery.StartsWith("/accounting/invoices/", StringComparison.Ordinal)));
        Assert.Equal(9, requests.Count);

        var features = assessment.GetProperty("features");
        Assert.Equal(8, features.GetProperty("numInvoices").GetInt32());
        Assert.Equal(3, features.GetProperty("delinquencies").GetInt32());
        Assert.Equal(29.8, features.GetProperty("daysToPay").GetDouble()); // (25 + 40 + 35 + 20 + 29) / 5
        Assert.Equal(110_400m, features.GetProperty("income").GetDecimal()); // 92,000 in over 10 active months, × 12 / 10
        Assert.Equal(2_680m, features.GetProperty("avgCashflow").GetDecimal()); // (92,000 − 65,200) / 10
        Assert.Equal(0.1331, features.GetProperty("revenueTrend").GetDouble()); // (33,200 − 29,300) / 29,300
        decimal[] completeNets = [2000m, 2500m, 2300m, 2500m, 2900m, 2800m, 2900m, 3400m, 4000m];
        var mean = (double)completeNets.Average();
        var deviation = Math.Sqrt(completeNets.Sum(n => ((double)n - mean) * ((double)n - mean)) / completeNets.Length);
        Assert.Equal(Math.Round(deviation / mean, 4), features.GetProperty("cashflowVolatility").GetDouble());
        Assert.Equal(Math.Round(25_000 / (6_520.0 / 30), 1), features.GetProperty("daysCashOnHand").GetDouble());
        Assert.Equal(WholeMonths(DateOnly.FromDateTime(At(-160).UtcDateTime), today), features.GetProperty("monthsInBusiness").GetInt32());
        Assert.Equal(Enumerable.Range(0, 30).Sum(i => 80m + i), assessment.GetProperty("forecastP10").GetDecimal());
        Assert.Equal("USD", assessment.GetProperty("currency").GetString());

        // The assessment is the score of those features, and is audited as such under the same input hash.
        var scored = await Api.OkAsync(await client.PostAsync("/credit/score", new StringContent(features.GetRawText(), System.Text.Encoding.UTF8, "application/json")));
        foreach (var field in new[] { "creditScore", "probabilityOfDefault", "riskBand", "reasons", "modelVersion" })
        {
            Assert.Equal(scored.GetProperty(field).GetRawText(), assessment.GetProperty(field).GetRawText());
        }

        var decisions = (await Api.OkAsync(await client.GetAsync("/credit/decisions"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["score", "assess"], decisions.Select(d => d.GetProperty("kind").GetString()));
        Assert.Equal(assessment.GetProperty("decisionId").GetGuid(), decisions[1].GetProperty("id").GetGuid());
        Assert.Equal(decisions[0].GetProperty("inputSha256").GetString(), decisions[1].GetProperty("inputSha256").GetString());
    }

    [Fact]
    public async Task Only_the_latest_page_of_invoices_is_examined_and_one_more_page_dates_the_first_invoice()
    {
        var user = Guid.NewGuid();
        var invoices = new List<StandInInvoice>();
        for (var i = 0; i < 130; i++)
        {
            var created = -2 * i - 31;
            // Every 20th invoice was paid on time after 10 days; the two paid among the oldest 30 are past the page and must not be read.
            invoices.Add(i % 20 == 0 ? StandInInvoice.Paid(At(created), Day(created + 30), Pay(500m, created + 10)) : StandInInvoice.Pending(At(created), Day(60)));
        }

        platform.Books.Set(user, Healthy() with { Invoices = invoices });
        var client = platform.Client(user);
        var features = (await Api.OkAsync(await client.PostAsync("/credit/assess", null))).GetProperty("features");

        var requests = platform.Books.RequestsOf(user);
        Assert.Equal(
            ["/accounting/invoices?pageSize=100&page=1", "/accounting/invoices?pageSize=100&page=2"],
            requests.Where(r => r.PathAndQuery.StartsWith("/accounting/invoices?", StringComparison.Ordinal)).Select(r => r.PathAndQuery).Order(StringComparer.Ordinal));
        Assert.Equal(5, requests.Count(r => r.PathAndQuery.StartsWith("/accounting/invoices/", StringComparison.Ordinal)));
        Assert.Equal(100, features.GetProperty("numInvoices").GetInt32());
        Assert.Equal(0, features.GetProperty("delinquencies").GetInt32());
        Assert.Equal(10, features.GetProperty("daysToPay").GetDouble());
        Assert.Equal(WholeMonths(DateOnly.FromDateTime(At(-289).UtcDateTime), AppToday(requests)), features.GetProperty("monthsInBusiness").GetInt32());
    }

    [Fact]
    public async Task Without_a_forecast_the_assessment_goes_ahead()
    {
        var user = Guid.NewGuid();
        platform.Books.Set(user, Healthy() with { ForecastLo80 = null });
        var assessment = await Api.OkAsync(await platform.Client(user).PostAsync("/credit/assess", null));
        Assert.Equal(JsonValueKind.Null, assessment.GetProperty("forecastP10").ValueKind);
        Assert.Equal(2_680m, assessment.GetProperty("features").GetProperty("avgCashflow").GetDecimal());
        Assert.Single(platform.Books.RequestsOf(user), r => r.PathAndQuery == "/analytics/forecast");
    }

    [Fact]
    public async Task Accounting_down_is_a_503_problem_and_nothing_is_audited()
    {
        var user = Guid.NewGuid();
        platform.Books.Set(user, Healthy() with { AccountingDown = true });
        var client = platform.Client(user);
        var problem = await Api.ProblemAsync(await client.PostAsync("/credit/assess", null), HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Accounting", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await Api.OkAsync(await client.GetAsync("/credit/decisions"))).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Books_in_several_currencies_need_a_currency_and_a_bad_one_is_named()
    {
        var user = Guid.NewGuid();
        platform.Books.Set(user, Healthy() with { SeveralCurrencies = true });
        var client = platform.Client(user);
        await Api.AssertFieldErrorAsync(await client.PostAsync("/credit/assess", null), "currency");
        await Api.AssertFieldErrorAsync(await client.PostAsync("/credit/assess?currency=euro", null), "currency");

        var assessment = await Api.OkAsync(await client.PostAsync("/credit/assess?currency=EUR", null));
        Assert.Equal("EUR", assessment.GetProperty("currency").GetString());
        Assert.Contains(platform.Books.RequestsOf(user), r =>
            r.PathAndQuery.StartsWith("/accounting/reports/cash-flow", StringComparison.Ordinal) && r.PathAndQuery.EndsWith("&currency=EUR", StringComparison.Ordinal));
        Assert.Contains(platform.Books.RequestsOf(user), r => r.PathAndQuery == "/accounting/trial-balance?currency=EUR");
    }

    [Fact]
    public async Task A_business_without_books_is_assessed_as_a_thin_file()
    {
        var user = Guid.NewGuid(); // the stand-in answers empty books, as accounting does before the first invoice
        var assessment = await Api.OkAsync(await platform.Client(user).PostAsync("/credit/assess", null));
        var features = assessment.GetProperty("features");
        Assert.Equal(0, features.GetProperty("numInvoices").GetInt32());
        Assert.Equal(0m, features.GetProperty("income").GetDecimal());
        Assert.Equal(JsonValueKind.Null, features.GetProperty("monthsInBusiness").ValueKind);
        Assert.Equal(JsonValueKind.Null, assessment.GetProperty("currency").ValueKind);
    }

    private static System.Collections.Specialized.NameValueCollection CashFlowQuery(IReadOnlyList<StandInRequest> requests)
    {
        var cashFlow = Assert.Single(requests, r => r.PathAndQuery.StartsWith("/accounting/reports/cash-flow", StringComparison.Ordinal));
        return System.Web.HttpUtility.ParseQueryString(new Uri("http://stand-in" + cashFlow.PathAndQuery).Query);
    }

    /// <summary>The app's today: the end of the cash-flow range it asked for (robust against a test running over midnight).</summary>
    private static DateOnly AppToday(IReadOnlyList<StandInRequest> requests) =>
        DateOnly.ParseExact(CashFlowQuery(requests)["to"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The largest k with from + k months ≤ to, counted by adding months as the README defines it.</summary>
    private static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = 0;
        while (from.AddMonths(months + 1) <= to) months++;
        return months;
    }
}
