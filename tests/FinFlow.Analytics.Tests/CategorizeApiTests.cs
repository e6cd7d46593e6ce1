using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FinFlow.Analytics.Tests;

/// <summary>Categorization through the real app: model answers, corrections that apply at once and only to their author, and bad input.</summary>
[Collection(AnalyticsSuite.Name)]
public class CategorizeApiTests(AnalyticsFixture app)
{
    private static async Task<JsonElement> CategorizeAsync(HttpClient client, string description, string? mcc = null)
    {
        var response = await client.PostAsJsonAsync("/analytics/categorize", new { description, mcc });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_correction_changes_the_next_same_merchant_answer_for_its_author_only()
    {
        var me = app.Client(Guid.NewGuid());
        var before = await CategorizeAsync(me, "POS 4411 GRANITE BISTRO AUSTIN TX");
        Assert.Equal(("Meals & Entertainment", "model"), (before.GetProperty("category").GetString(), before.GetProperty("source").GetString()));

        var feedback = await me.PostAsJsonAsync("/analytics/categorize/feedback", new { description = "POS 4411 GRANITE BISTRO AUSTIN TX", category = "Travel" });
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        var after = await CategorizeAsync(me, "SQ *GRANITE BISTRO DENVER CO");
        Assert.Equal(("Travel", "rule", 1.0), (after.GetProperty("category").GetString(), after.GetProperty("source").GetString(), after.GetProperty("confidence").GetDouble()));

        var someoneElse = await CategorizeAsync(app.Client(Guid.NewGuid()), "SQ *GRANITE BISTRO DENVER CO");
        Assert.Equal("model", someoneElse.GetProperty("source").GetString());
    }

    [Fact]
    public async Task The_batch_form_answers_in_order_and_refuses_more_than_a_thousand()
    {
        var client = app.Client(Guid.NewGuid());
        var batch = await client.PostAsJsonAsync("/analytics/categorize/batch", new
        {
            items = new object[] { new { description = "CHEVRON FUEL 0042 TAMPA FL" }, new { description = "ACH CREDIT LIBERTY PARTNERS PAYMENT 1001" } },
        });
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        var answers = (await batch.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(a => a.GetProperty("category").GetString()).ToList();
        Assert.Equal(["Vehicle & Fuel", "Income"], answers);

        var tooMany = Enumerable.Range(0, 1001).Select(i => new { description = $"LINE {i}" }).ToArray();
        await AssertFieldErrorAsync(await client.PostAsJsonAsync("/analytics/categorize/batch", new { items = tooMany }), "items");
        await AssertFieldErrorAsync(
            await client.PostAsJsonAsync("/analytics/categorize/batch", new { items = new object[] { new { description = "ok" }, new { description = "x", mcc = "58" } } }),
            "items[1].mcc");
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_every_route_needs_a_token()
    {
        var client = app.Client(Guid.NewGuid());
        await AssertFieldErrorAsync(await client.PostAsJsonAsync("/analytics/categorize", new { description = "" }), "description");
        await AssertFieldErrorAsync(await client.PostAsJsonAsync("/analytics/categorize", new { description = new string('x', 501) }), "description");
        await AssertFieldErrorAsync(await client.PostAsJsonAsync("/analytics/categorize/feedback", new { description = "x", category = "Snacks" }), "category");

        var anonymous = app.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/analytics/categorize", new { description = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/analytics/categories")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/analytics/forecast", new { })).StatusCode);
    }

    [Fact]
    public async Task The_taxonomy_lists_about_fifteen_categories_with_their_mcc_ranges()
    {
        var categories = await app.Client(Guid.NewGuid()).GetFromJsonAsync<JsonElement>("/analytics/categories");
        Assert.InRange(categories.GetArrayLength(), 14, 18);
        var travel = categories.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Travel");
        Assert.Contains("3000-3999", travel.GetProperty("mccs").EnumerateArray().Select(m => m.GetString()));
    }

    internal static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }
}
