using System.Net;
using System.Text.Json;
using FinFlow.Credit.Tests.Infrastructure;
using Xunit;
using static FinFlow.Credit.Tests.Infrastructure.BookScenarios;

namespace FinFlow.Credit.Tests;

/// <summary><c>GET /credit/offers</c>: risk-priced loans capped by debt-service coverage on the latest assessment, or an adverse-action notice.</summary>
[Collection(PlatformSuite.Name)]
public class OfferApiTests(CreditPlatform platform)
{
    [Fact]
    public async Task Without_an_assessment_there_is_nothing_to_price()
    {
        var client = platform.Client(Guid.NewGuid());
        await client.PostAsync("/credit/score", new StringContent("""{"income":90000,"numInvoices":30,"avgCashflow":4000,"delinquencies":1}""", System.Text.Encoding.UTF8, "application/json"));
        var problem = await Api.ProblemAsync(await client.GetAsync("/credit/offers"), HttpStatusCode.NotFound);
        Assert.Contains("/credit/assess", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offers_on_the_P10_forecast_keep_the_coverage_at_or_above_the_minimum_and_take_all_of_it()
    {
        var user = Guid.NewGuid();
        platform.Books.Set(user, Healthy());
        var client = platform.Client(user);
        var assessment = await Api.OkAsync(await client.PostAsync("/credit/assess", null));
        var offers = await Api.OkAsync(await client.GetAsync("/credit/offers"));

        Assert.Equal(assessment.GetProperty("decisionId").GetGuid(), offers.GetProperty("assessmentId").GetGuid());
        Assert.Equal(assessment.GetProperty("assessedAt").GetDateTimeOffset(), offers.GetProperty("assessedAt").GetDateTimeOffset());
        var capacity = offers.GetProperty("capacity");
        Assert.Equal("FORECAST_P10", capacity.GetProperty("basis").GetString());
        var p10 = assessment.GetProperty("forecastP10").GetDecimal();
        Assert.Equal(p10, capacity.GetProperty("monthlyCashFlow").GetDecimal());
        Assert.Equal(OfferFormula.MaxPayment(p10), capacity.GetProperty("maxMonthlyPayment").GetDecimal());
        Assert.Equal(JsonValueKind.Null, offers.GetProperty("adverseAction").ValueKind);
        AssertPricedByTheFormula(assessment, offers, p10, [6, 12, 24]);

        var twelve = await Api.OkAsync(await client.GetAsync("/credit/offers?termMonths=12"));
        Assert.Equal([12], twelve.GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("termMonths").GetInt32()));
    }

    [Fact]
    public async Task Without_a_forecast_the_average_cash_flow_after_the_haircut_is_relied_on_and_the_latest_assessment_counts()
    {
        var user = Guid.NewGuid();
        var client = platform.Client(user);
        platform.Books.Set(user, Healthy());
        await Api.OkAsync(await client.PostAsync("/credit/assess", null));
        platform.Books.Set(user, Healthy() with { ForecastLo80 = null });
        var latest = await Api.OkAsync(await client.PostAsync("/credit/assess", null));

        var offers = await Api.OkAsync(await client.GetAsync("/credit/offers"));
        Assert.Equal(latest.GetProperty("decisionId").GetGuid(), offers.GetProperty("assessmentId").GetGuid());
        var capacity = offers.GetProperty("capacity");
        Assert.Equal("AVERAGE_CASH_FLOW_AFTER_HAIRCUT", capacity.GetProperty("basis").GetString());
        var relied = decimal.Round(2_680m * (1 - OfferFormula.Haircut), 2, MidpointRounding.ToEven);
        Assert.Equal(relied, capacity.GetProperty("monthlyCashFlow").GetDecimal());
        AssertPricedByTheFormula(latest, offers, relied, [6, 12, 24]);
    }

    [Fact]
    public async Task Band_E_gets_no_offer_but_an_adverse_action_notice_with_at_most_four_reasons()
    {
        var user = Guid.NewGuid();
        platform.Books.Set(user, Distressed());
        var client = platform.Client(user);
        var assessment = await Api.OkAsync(await client.PostAsync("/credit/assess", null));
        Assert.Equal("E", assessment.GetProperty("riskBand").GetString());

        var offers = await Api.OkAsync(await client.GetAsync("/credit/offers"));
        Assert.Empty(offers.GetProperty("offers").EnumerateArray());
        var notice = offers.GetProperty("adverseAction");
        Assert.Equal("DECLINED", notice.GetProperty("decision").GetString());
        var reasons = notice.GetProperty("reasons").EnumerateArray().ToList();
        Assert.InRange(reasons.Count, 1, 4);
        var top = assessment.GetProperty("reasons").EnumerateArray().Take(4).Select(r => r.GetRawText());
        Assert.Equal(top, reasons.Select(r => r.GetRawText()));
        Assert.False(string.IsNullOrWhiteSpace(notice.GetProperty("statement").GetString()));
    }

    [Fact]
    public async Task A_forecast_that_cannot_carry_repayments_is_a_decline_that_says_so_first()
    {
        var user = Guid.NewGuid();
        platform.Books.Set(user, Healthy(forecastLo80: Enumerable.Repeat(-20m, 30).ToList()));
        var client = platform.Client(user);
        var assessment = await Api.OkAsync(await client.PostAsync("/credit/assess", null));
        Assert.NotEqual("E", assessment.GetProperty("riskBand").GetString());

        var offers = await Api.OkAsync(await client.GetAsync("/credit/offers"));
        Assert.Equal(0m, offers.GetProperty("capacity").GetProperty("maxMonthlyPayment").GetDecimal());
        Assert.Empty(offers.GetProperty("offers").EnumerateArray());
        var reasons = offers.GetProperty("adverseAction").GetProperty("reasons").EnumerateArray().ToList();
        Assert.Equal("INSUFFICIENT_CASH_FLOW", reasons[0].GetProperty("code").GetString());
        Assert.InRange(reasons.Count, 1, 4);
    }

    [Fact]
    public async Task A_term_that_is_not_offered_is_a_400_naming_it()
    {
        var client = platform.Client(Guid.NewGuid());
        await Api.AssertFieldErrorAsync(await client.GetAsync("/credit/offers?termMonths=7"), "termMonths");
        await Api.AssertFieldErrorAsync(await client.GetAsync("/credit/offers?termMonths=a-year"), "termMonths");
    }

    private static void AssertPricedByTheFormula(JsonElement assessment, JsonElement offers, decimal monthlyCashFlow, int[] terms)
    {
        var band = assessment.GetProperty("riskBand").GetString()!;
        var pd = assessment.GetProperty("probabilityOfDefault").GetDouble();
        var apr = OfferFormula.Apr(pd, band);
        var maxPayment = OfferFormula.MaxPayment(monthlyCashFlow);
        var expected = terms.Select(t => (Term: t, Offer: OfferFormula.Offer(apr, maxPayment, t))).Where(e => e.Offer is not null).ToList();
        var actual = offers.GetProperty("offers").EnumerateArray().ToList();
        Assert.NotEmpty(actual);
        Assert.Equal(expected.Select(e => e.Term), actual.Select(o => o.GetProperty("termMonths").GetInt32()));
        foreach (var (offer, (term, formula)) in actual.Zip(expected))
        {
            var amount = offer.GetProperty("amount").GetDecimal();
            var payment = offer.GetProperty("monthlyPayment").GetDecimal();
            Assert.Equal(formula!.Value.Amount, amount);
            Assert.Equal(formula.Value.Payment, payment);
            Assert.Equal(apr, offer.GetProperty("apr").GetDecimal());
            Assert.True(monthlyCashFlow / payment >= OfferFormula.MinimumCoverage, $"{term} months: coverage {monthlyCashFlow / payment}");
            Assert.True(offer.GetProperty("debtServiceCoverage").GetDecimal() >= OfferFormula.MinimumCoverage);
            // The cap binds: one more step of principal would need more than the coverage allows (or hit the maximum).
            var rate = (double)apr / 12;
            var nextPayment = (double)(amount + OfferFormula.Step) * rate / (1 - Math.Pow(1 + rate, -term));
            Assert.True(amount == OfferFormula.MaximumAmount || (double)monthlyCashFlow / nextPayment < (double)OfferFormula.MinimumCoverage + 1e-4, $"{term} months: {amount} leaves room");
            var (lgd, ead, _) = OfferFormula.Bands[band];
            Assert.Equal(decimal.Round(decimal.Round((decimal)pd, 6) * lgd * ead * amount, 2, MidpointRounding.ToEven), offer.GetProperty("expectedLoss").GetDecimal());
        }
    }
}
