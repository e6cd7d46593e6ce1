using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FinFlow.Credit.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Credit.Tests;

/// <summary><c>GET /credit/decisions</c> and the audit behind it: own decisions only, ADMIN by <c>?userId=</c>, anonymized rows.</summary>
[Collection(PlatformSuite.Name)]
public class DecisionApiTests(CreditPlatform platform)
{
    [Fact]
    public async Task A_user_sees_only_their_own_decisions_newest_first_and_an_admin_can_name_anyone()
    {
        Guid ann = Guid.NewGuid(), bob = Guid.NewGuid(), admin = Guid.NewGuid();
        var annClient = platform.Client(ann);
        var strong = await Api.OkAsync(await annClient.PostAsJsonAsync("/credit/score", ScoreApiTests.Strong));
        var weak = await Api.OkAsync(await annClient.PostAsJsonAsync("/credit/score", ScoreApiTests.Weak));
        var bobs = await Api.OkAsync(await platform.Client(bob).PostAsJsonAsync("/credit/score", ScoreApiTests.Middling));

        var annPage = await Api.OkAsync(await annClient.GetAsync("/credit/decisions"));
        Assert.Equal(2, annPage.GetProperty("total").GetInt64());
        var items = annPage.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([weak.GetProperty("decisionId").GetGuid(), strong.GetProperty("decisionId").GetGuid()], items.Select(i => i.GetProperty("id").GetGuid()));
        Assert.All(items, i => Assert.Equal(ann, i.GetProperty("userId").GetGuid()));
        Assert.All(items, i => Assert.Equal("score", i.GetProperty("kind").GetString()));
        Assert.Equal(weak.GetProperty("reasons").GetRawText(), items[0].GetProperty("reasons").GetRawText());
        Assert.Equal(weak.GetProperty("creditScore").GetInt32(), items[0].GetProperty("creditScore").GetInt32());
        Assert.Equal(weak.GetProperty("riskBand").GetString(), items[0].GetProperty("riskBand").GetString());

        var second = await Api.OkAsync(await annClient.GetAsync("/credit/decisions?page=2&pageSize=1"));
        Assert.Equal(strong.GetProperty("decisionId").GetGuid(), second.GetProperty("items")[0].GetProperty("id").GetGuid());

        var bobPage = await Api.OkAsync(await platform.Client(bob).GetAsync("/credit/decisions"));
        Assert.Equal([bobs.GetProperty("decisionId").GetGuid()], bobPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        await Api.ProblemAsync(await platform.Client(bob).GetAsync($"/credit/decisions?userId={ann}"), HttpStatusCode.Forbidden);
        var asAdmin = platform.Client(admin, "ADMIN");
        var annSeenByAdmin = await Api.OkAsync(await asAdmin.GetAsync($"/credit/decisions?userId={ann}"));
        Assert.Equal(2, annSeenByAdmin.GetProperty("total").GetInt64());
        Assert.Equal(0, (await Api.OkAsync(await asAdmin.GetAsync("/credit/decisions"))).GetProperty("total").GetInt64());
        var ownWithUserId = await Api.OkAsync(await platform.Client(bob).GetAsync($"/credit/decisions?userId={bob}"));
        Assert.Equal(1, ownWithUserId.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Bad_paging_is_a_400_naming_the_parameter()
    {
        var client = platform.Client(Guid.NewGuid());
        await Api.AssertFieldErrorAsync(await client.GetAsync("/credit/decisions?page=0"), "page");
        await Api.AssertFieldErrorAsync(await client.GetAsync("/credit/decisions?page=first"), "page");
        await Api.AssertFieldErrorAsync(await client.GetAsync("/credit/decisions?pageSize=101"), "pageSize");
        await Api.AssertFieldErrorAsync(await client.GetAsync("/credit/decisions?pageSize=ten"), "pageSize");
        await Api.AssertFieldErrorAsync(await client.GetAsync("/credit/decisions?userId=me"), "userId");
    }

    [Fact]
    public async Task The_audit_keeps_the_input_as_its_documented_hash_and_no_personal_data()
    {
        var user = Guid.NewGuid();
        var body = new { income = 120_000.50m, numInvoices = 40, avgCashflow = 6_000.00m, delinquencies = 4, daysToPay = 35.0, cashflowVolatility = 0.4 };
        var score = await Api.OkAsync(await platform.Client(user).PostAsJsonAsync("/credit/score", body));
        var decision = (await Api.OkAsync(await platform.Client(user).GetAsync("/credit/decisions"))).GetProperty("items")[0];

        // The canonical form of the README: fixed field order, null for a missing optional, no trailing zeros.
        const string canonical = """{"income":120000.5,"numInvoices":40,"avgCashflow":6000,"delinquencies":4,"monthsInBusiness":null,"revenueTrend":null,"daysToPay":35,"cashflowVolatility":0.4,"daysCashOnHand":null}""";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(expected, decision.GetProperty("inputSha256").GetString());
        Assert.Equal(score.GetProperty("modelVersion").GetString(), decision.GetProperty("modelVersion").GetString());

        var columns = await platform.QueryAsync<string>(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'credit_decisions' ORDER BY ordinal_position");
        Assert.Equal(
            ["id", "user_id", "kind", "model_version", "input_sha256", "credit_score", "probability_of_default", "risk_band", "reasons",
             "currency", "avg_cashflow_minor", "forecast_p10_minor", "trace_id", "created_at"],
            columns);
        var stored = (await platform.QueryAsync<string>("SELECT reasons::text FROM credit_decisions WHERE user_id = @User", new { User = user })).Single();
        using var reasons = JsonDocument.Parse(stored);
        Assert.NotEmpty(reasons.RootElement.EnumerateArray());
        Assert.All(reasons.RootElement.EnumerateArray(), r => Assert.Equal(["code", "impact"], r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(
            score.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()),
            reasons.RootElement.EnumerateArray().Select(r => r.GetProperty("code").GetString()));
    }
}
