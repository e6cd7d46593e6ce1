using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Credit.Tests.Infrastructure;
using FinFlow.Testing;
using Xunit;

namespace FinFlow.Credit.Tests;

/// <summary><c>POST /credit/score</c> through the real app and the shipped model: the spec's shape, ordering, and every bad input named.</summary>
[Collection(PlatformSuite.Name)]
public class ScoreApiTests(CreditPlatform platform)
{
    public static readonly object Strong = new { income = 500_000m, numInvoices = 120, avgCashflow = 40_000m, delinquencies = 0, daysToPay = 20, cashflowVolatility = 0.2, daysCashOnHand = 90 };
    public static readonly object Middling = new { income = 100_000m, numInvoices = 40, avgCashflow = 5_000m, delinquencies = 4 };
    public static readonly object Weak = new { income = 20_000m, numInvoices = 20, avgCashflow = 200m, delinquencies = 12, daysToPay = 95, cashflowVolatility = 2.0, daysCashOnHand = 2 };

    [Fact]
    public async Task Stronger_businesses_get_higher_scores_lower_default_probabilities_and_better_bands()
    {
        var client = platform.Client(Guid.NewGuid());
        var scores = new List<JsonElement>();
        foreach (var body in new[] { Strong, Middling, Weak }) scores.Add(await Api.OkAsync(await client.PostAsJsonAsync("/credit/score", body)));

        Assert.All(scores, score =>
        {
            Assert.InRange(score.GetProperty("creditScore").GetInt32(), 300, 850);
            Assert.InRange(score.GetProperty("probabilityOfDefault").GetDouble(), 0, 1);
            Assert.Equal("credit-v1", score.GetProperty("modelVersion").GetString());
            Assert.True(score.GetProperty("decisionId").TryGetGuid(out _));
        });
        var points = scores.Select(s => s.GetProperty("creditScore").GetInt32()).ToList();
        var pds = scores.Select(s => s.GetProperty("probabilityOfDefault").GetDouble()).ToList();
        var bands = scores.Select(s => s.GetProperty("riskBand").GetString()!).ToList();
        Assert.True(points[0] > points[1] && points[1] > points[2], string.Join(", ", points));
        Assert.True(pds[0] < pds[1] && pds[1] < pds[2], string.Join(", ", pds));
        Assert.Equal(["A", "C", "E"], bands);

        var reasons = scores[2].GetProperty("reasons").EnumerateArray().ToList();
        Assert.NotEmpty(reasons);
        Assert.Equal("RECENT_PAYMENT_DELAY", reasons[0].GetProperty("code").GetString());
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("text").GetString())));
        var impacts = reasons.Select(r => r.GetProperty("impact").GetInt32()).ToList();
        Assert.Equal(impacts.OrderByDescending(i => i), impacts);
    }

    [Fact]
    public async Task The_same_input_gets_the_same_score_and_reasons()
    {
        var client = platform.Client(Guid.NewGuid());
        var first = await Api.OkAsync(await client.PostAsJsonAsync("/credit/score", Middling));
        var second = await Api.OkAsync(await client.PostAsJsonAsync("/credit/score", Middling));
        foreach (var field in new[] { "creditScore", "probabilityOfDefault", "riskBand", "reasons", "modelVersion" })
        {
            Assert.Equal(first.GetProperty(field).GetRawText(), second.GetProperty(field).GetRawText());
        }

        Assert.NotEqual(first.GetProperty("decisionId").GetGuid(), second.GetProperty("decisionId").GetGuid());
    }

    [Fact]
    public async Task Missing_and_impossible_values_are_a_400_naming_the_field()
    {
        var client = platform.Client(Guid.NewGuid());
        async Task Check(string json, string field) =>
            await Api.AssertFieldErrorAsync(await client.PostAsync("/credit/score", new StringContent(json, System.Text.Encoding.UTF8, "application/json")), field);

        await Check("""{"numInvoices":10,"avgCashflow":100,"delinquencies":0}""", "income");
        await Check("""{"income":-1,"numInvoices":10,"avgCashflow":100,"delinquencies":0}""", "income");
        await Check("""{"income":1000,"numInvoices":-3,"avgCashflow":100,"delinquencies":0}""", "numInvoices");
        await Check("""{"income":1000,"numInvoices":10,"delinquencies":0}""", "avgCashflow");
        await Check("""{"income":1000,"numInvoices":10,"avgCashflow":100,"delinquencies":11}""", "delinquencies");
        await Check("""{"income":1000,"numInvoices":10,"avgCashflow":100,"delinquencies":1,"revenueTrend":-1.5}""", "revenueTrend");
        await Check("""{"income":1000,"numInvoices":10,"avgCashflow":100,"delinquencies":1,"daysToPay":-2}""", "daysToPay");
        await Check("""{"income":1000,"numInvoices":10,"avgCashflow":100,"delinquencies":1,"daysCashOnHand":-1}""", "daysCashOnHand");
        await Check("""{"income":1000,"numInvoices":10,"avgCashflow":100,"delinquencies":1,"cashflowVolatility":-0.1}""", "cashflowVolatility");
        await Check("""{"income":1000,"numInvoices":10,"avgCashflow":100,"delinquencies":1,"monthsInBusiness":-1}""", "monthsInBusiness");
        await Check("""{"income":"lots","numInvoices":10,"avgCashflow":100,"delinquencies":0}""", "income");
        await Check("""{"income":1000,"numInvoices":2.5,"avgCashflow":100,"delinquencies":0}""", "numInvoices");
        await Check("", "income");
        await Check("{}", "delinquencies");

        // Nothing invalid was audited.
        var page = await Api.OkAsync(await client.GetAsync("/credit/decisions"));
        Assert.Equal(0, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Every_route_needs_a_valid_token()
    {
        var anonymous = platform.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/credit/score", Middling)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/credit/assess", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/credit/offers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/credit/decisions")).StatusCode);

        // Signed by a key that is not auth's (same key id): refused.
        using var forger = new TestTokenIssuer();
        var stranger = platform.Client(null);
        stranger.DefaultRequestHeaders.Authorization = new("Bearer", forger.Token(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsJsonAsync("/credit/score", Middling)).StatusCode);
    }
}
