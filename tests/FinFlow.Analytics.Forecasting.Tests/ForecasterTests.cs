using FinFlow.Analytics.Forecasting.Api;
using Xunit;

namespace FinFlow.Analytics.Forecasting.Tests;

/// <summary>The public entry point: shape of the answer, intervals, determinism, short and dated histories.</summary>
public class ForecasterTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    private static List<(DateOnly, decimal)> DailyHistory(int days, double noise)
    {
        var (dates, values) = Synthetic.Daily(Start, days, noise);
        return [.. dates.Zip(values, (d, v) => (d, Math.Round((decimal)v, 2)))];
    }

    [Fact]
    public void A_daily_forecast_continues_the_calendar_with_nested_intervals_and_a_backtest()
    {
        var history = DailyHistory(420, noise: 40);

        var result = new Forecaster().Forecast(history, 30, Frequency.Daily);

        Assert.Equal(30, result.Forecast.Count);
        Assert.Equal(Start.AddDays(420), result.Forecast[0].Ds);
        Assert.Equal(Start.AddDays(449), result.Forecast[^1].Ds);
        Assert.StartsWith("ensemble(", result.Model, StringComparison.Ordinal);
        Assert.Contains("DailyRegressionETS", result.Model, StringComparison.Ordinal);
        Assert.All(result.Forecast, p =>
        {
            Assert.True(p.Lo95 <= p.Lo80 && p.Lo80 < p.Yhat && p.Yhat < p.Hi80 && p.Hi80 <= p.Hi95, $"{p}");
            Assert.Equal(Math.Round(p.Yhat, 2), p.Yhat);
        });
        Assert.NotNull(result.Backtest);
        Assert.Equal(30, result.Backtest.Origins);
        Assert.InRange(result.Backtest.Smape, 0, 15);
        Assert.InRange(result.Backtest.Mase!.Value, 0, 1);
    }

    [Fact]
    public void The_same_input_gives_the_same_output()
    {
        var history = DailyHistory(200, noise: 40);

        var first = new Forecaster().Forecast(history, 14, Frequency.Daily);
        var second = new Forecaster().Forecast(history, 14, Frequency.Daily);

        Assert.Equal(first.Model, second.Model);
        Assert.Equal(first.Backtest, second.Backtest);
        Assert.Equal(first.Forecast.Select(p => (p.Ds, p.Yhat, p.Lo80, p.Hi80, p.Lo95, p.Hi95)),
            second.Forecast.Select(p => (p.Ds, p.Yhat, p.Lo80, p.Hi80, p.Lo95, p.Hi95)));
    }

    [Fact]
    public void Two_points_are_enough_for_a_naive_forecast_without_backtest()
    {
        List<(DateOnly, decimal)> history = [(Start, 100m), (Start.AddDays(1), 120m)];

        var result = new Forecaster().Forecast(history, 3, Frequency.Daily);

        Assert.Null(result.Backtest);
        Assert.All(result.Forecast, p => Assert.Equal(120m, p.Yhat));
        Assert.True(result.Forecast[2].Hi95 - result.Forecast[2].Lo95 > result.Forecast[0].Hi95 - result.Forecast[0].Lo95);
    }

    [Fact]
    public void Requested_levels_replace_the_default_80_and_95()
    {
        var result = new Forecaster().Forecast(DailyHistory(60, noise: 40), 5, Frequency.Daily, [50, 99]);

        Assert.Equal([50, 99], result.Forecast[0].Intervals.Select(i => i.Level).ToArray());
        Assert.Null(result.Forecast[0].Lo80);
        Assert.True(result.Forecast[0].Interval(50)!.Hi < result.Forecast[0].Interval(99)!.Hi);
    }

    [Fact]
    public void Monthly_dates_stay_on_month_ends_and_weekly_ones_seven_days_apart()
    {
        var monthEnds = Enumerable.Range(0, 36).Select(i => (new DateOnly(2022, 1, 31).AddMonths(i), 1000m + 10 * i)).ToList();
        monthEnds = [.. monthEnds.Select(p => (new DateOnly(p.Item1.Year, p.Item1.Month, DateTime.DaysInMonth(p.Item1.Year, p.Item1.Month)), p.Item2))];
        var weeks = Enumerable.Range(0, 60).Select(i => (new DateOnly(2024, 1, 5).AddDays(7 * i), 500m + (i % 4))).ToList();

        var monthly = new Forecaster().Forecast(monthEnds, 3, Frequency.Monthly);
        var weekly = new Forecaster().Forecast(weeks, 2, Frequency.Weekly);

        Assert.Equal([new DateOnly(2025, 1, 31), new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 31)], monthly.Forecast.Select(p => p.Ds).ToArray());
        Assert.InRange(monthly.Forecast[2].Yhat, 1330m, 1400m);
        Assert.Equal(new DateOnly(2024, 1, 5).AddDays(7 * 60), weekly.Forecast[0].Ds);
    }

    [Fact]
    public void Negative_net_cash_flow_is_forecast_without_multiplicative_models()
    {
        var history = DailyHistory(120, noise: 30).Select(p => (p.Item1, p.Item2 - 900m)).ToList();

        var result = new Forecaster().Forecast(history, 7, Frequency.Daily);

        Assert.Contains(result.Forecast, p => p.Yhat < 0);
        Assert.All(result.Forecast, p => Assert.True(p.Lo95 < p.Hi95));
    }
}
