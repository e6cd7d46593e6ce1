using FinFlow.Analytics.Forecasting.Boosting;
using FinFlow.Analytics.Forecasting.Models;
using Xunit;

namespace FinFlow.Analytics.Forecasting.Tests;

/// <summary>The calendar-aware members: the daily regression with ETS errors and gradient boosting.</summary>
public class CalendarModelTests
{
    private static readonly DateOnly Start = new(2023, 1, 1);

    [Fact]
    public void Daily_regression_recovers_the_weekday_pattern_the_month_end_spike_and_the_trend()
    {
        var (dates, values) = Synthetic.Daily(Start, 400, noise: 0);
        var (_, truth) = Synthetic.Daily(Start, 431, noise: 0);
        var context = new SeriesContext(7, new TimeAxis(dates[0], Frequency.Daily));

        var forecast = new DailyRegressionModel().Fit(values, context).Forecast(values, 31);

        // Day 400 onwards includes a month end (2024-02-29 is day 424).
        for (var j = 0; j < 31; j++)
        {
            Assert.True(Math.Abs(forecast[j] - truth[400 + j]) < 15, $"day {400 + j}: {forecast[j]:F1} vs {truth[400 + j]:F1}");
        }
    }

    // The regression's ETS errors move to the new level at once; the boosting model, trained on one
    // 360-day series and fed its own predictions, follows it closely for a week and drifts a little
    // after (the ensemble pairs the two), so it is held to the first week.
    [Theory]
    [InlineData("regression", 14)]
    [InlineData("boosting", 7)]
    public void Calendar_models_follow_a_level_shift(string method, int days)
    {
        var (dates, values) = Synthetic.Daily(Start, 360, noise: 10, monthEnd: 0);
        var (_, truth) = Synthetic.Daily(Start, 374, noise: 0, monthEnd: 0);
        // The shift is 120 days old: every lag the boosting model reads (up to 63 days) is past it.
        for (var t = 240; t < values.Length; t++)
        {
            values[t] += 500;
        }

        var context = new SeriesContext(7, new TimeAxis(dates[0], Frequency.Daily));
        IForecastModel model = method == "regression" ? new DailyRegressionModel() : new LightGbmModel();

        var forecast = model.Fit(values, context).Forecast(values, days);

        // The weekday pattern ranges 200..1300; after the shift every day sits 500 higher.
        var meanError = forecast.Select((f, j) => f - (truth[360 + j] + 500)).Average();
        Assert.True(Math.Abs(meanError) < 100, $"mean error {meanError:F0}: {string.Join(" ", forecast.Select((f, j) => $"{f:F0}/{truth[360 + j] + 500:F0}"))}");
    }

    [Fact]
    public void Daily_regression_needs_dates()
    {
        var model = new DailyRegressionModel();

        Assert.False(model.CanFit(400, new SeriesContext(7)));
        Assert.True(model.CanFit(400, new SeriesContext(7, new TimeAxis(Start, Frequency.Daily))));
    }

    [Fact]
    public void Boosting_learns_a_weekly_cycle_from_lags_and_the_calendar()
    {
        var (dates, values) = Synthetic.Daily(Start, 300, noise: 10, monthEnd: 0);
        var (_, truth) = Synthetic.Daily(Start, 314, noise: 0, monthEnd: 0);
        var context = new SeriesContext(7, new TimeAxis(dates[0], Frequency.Daily));

        var forecast = new LightGbmModel().Fit(values, context).Forecast(values, 14);

        var meanAbsoluteError = forecast.Select((f, j) => Math.Abs(f - truth[300 + j])).Average();
        Assert.True(meanAbsoluteError < 60, $"MAE {meanAbsoluteError:F1} on a series whose weekday swing is 1100: {string.Join(" ", forecast.Select((f, j) => $"{f - truth[300 + j]:F0}"))}");
    }

    [Fact]
    public void Global_boosting_is_deterministic_and_serves_series_it_was_not_trained_on()
    {
        var training = Enumerable.Range(0, 6).Select(i => Synthetic.Season(200, 24, 100 + 50 * i, 0.4, 0.02, seed: i)).ToList();
        var unseen = Synthetic.Season(200, 24, 1000, 0.4, 0.02, seed: 99);
        var settings = new LightGbmSettings(Iterations: 60, Leaves: 15, MinLeafCount: 10);

        var first = new LightGbmModel(settings, _ => LagFeatureSpec.For(24, false) with { Lags = [1, 2, 23, 24, 48], ScaleWindow = 48 })
            .TrainGlobal(training, new SeriesContext(24)).Forecast(unseen, 24);
        var second = new LightGbmModel(settings, _ => LagFeatureSpec.For(24, false) with { Lags = [1, 2, 23, 24, 48], ScaleWindow = 48 })
            .TrainGlobal(training, new SeriesContext(24)).Forecast(unseen, 24);

        Assert.Equal(first, second);
        var truth = Synthetic.Season(224, 24, 1000, 0.4)[200..];
        var meanRelativeError = first.Select((f, j) => Math.Abs(f - truth[j]) / truth[j]).Average();
        Assert.True(meanRelativeError < 0.08, $"mean relative error {meanRelativeError:P1}: scaling must carry the shape to a new level");
    }
}
