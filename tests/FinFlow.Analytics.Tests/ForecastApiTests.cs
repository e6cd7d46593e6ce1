using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FinFlow.Analytics.Tests;

/// <summary><c>POST /analytics/forecast</c> through the real app: the spec's shape, ordered intervals, and every bad input named.</summary>
[Collection(AnalyticsSuite.Name)]
public class ForecastApiTests(AnalyticsFixture app)
{
    private static object[] WeeklyPattern(int days) =>
        Enumerable.Range(0, days).Select(i => (object)new
        {
            ds = new DateOnly(2026, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            y = 1000m + (i % 7 is 5 or 6 ? -400m : 100m * (i % 7)) + i,
        }).ToArray();

    [Fact]
    public async Task A_daily_history_gets_a_forecast_with_nested_intervals_and_a_backtest()
    {
        var response = await app.Client(Guid.NewGuid()).PostAsJsonAsync("/analytics/forecast", new { historical = WeeklyPattern(120), horizon = 14 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var points = body.GetProperty("forecast").EnumerateArray().ToList();
        Assert.Equal(14, points.Count);
        Assert.Equal("2026-05-01", points[0].GetProperty("ds").GetString());
        Assert.All(points, p =>
        {
            var (lo95, lo80, yhat, hi80, hi95) = (p.GetProperty("lo95").GetDecimal(), p.GetProperty("lo80").GetDecimal(), p.GetProperty("yhat").GetDecimal(),
                p.GetProperty("hi80").GetDecimal(), p.GetProperty("hi95").GetDecimal());
            Assert.True(lo95 <= lo80 && lo80 <= yhat && yhat <= hi80 && hi80 <= hi95, p.ToString());
        });
        Assert.False(string.IsNullOrEmpty(body.GetProperty("model").GetString()));
        Assert.True(body.GetProperty("backtest").GetProperty("smape").GetDouble() < 20, body.GetProperty("backtest").ToString());
    }

    [Fact]
    public async Task A_year_of_zeros_forecasts_zeros()
    {
        var zeros = Enumerable.Range(0, 365).Select(i => new { ds = new DateOnly(2025, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), y = 0m }).ToArray();
        var response = await app.Client(Guid.NewGuid()).PostAsJsonAsync("/analytics/forecast", new { historical = zeros });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.All((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("forecast").EnumerateArray(), p => Assert.Equal(0m, p.GetProperty("yhat").GetDecimal()));
    }

    [Fact]
    public async Task Bad_histories_are_a_400_naming_the_field()
    {
        var client = app.Client(Guid.NewGuid());
        var one = new[] { new { ds = "2026-01-01", y = 1m } };
        await CategorizeApiTests.AssertFieldErrorAsync(await client.PostAsJsonAsync("/analytics/forecast", new { historical = one }), "historical");
        var duplicate = new[] { new { ds = "2026-01-01", y = 1m }, new { ds = "2026-01-01", y = 2m }, new { ds = "2026-01-02", y = 2m } };
        await CategorizeApiTests.AssertFieldErrorAsync(await client.PostAsJsonAsync("/analytics/forecast", new { historical = duplicate }), "historical[1].ds");
        var unsorted = new[] { new { ds = "2026-01-02", y = 1m }, new { ds = "2026-01-01", y = 2m } };
        await CategorizeApiTests.AssertFieldErrorAsync(await client.PostAsJsonAsync("/analytics/forecast", new { historical = unsorted }), "historical[1].ds");
        var badDate = new[] { new { ds = "01/02/2026", y = 1m }, new { ds = "2026-01-03", y = 2m } };
        await CategorizeApiTests.AssertFieldErrorAsync(await client.PostAsJsonAsync("/analytics/forecast", new { historical = badDate }), "historical[0].ds");
        await CategorizeApiTests.AssertFieldErrorAsync(await client.PostAsJsonAsync("/analytics/forecast", new { historical = WeeklyPattern(30), horizon = 367 }), "horizon");
        await CategorizeApiTests.AssertFieldErrorAsync(await client.PostAsJsonAsync("/analytics/forecast", new { historical = WeeklyPattern(30), frequency = "hourly" }), "frequency");
    }
}
