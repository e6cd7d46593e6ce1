using FinFlow.Analytics.Forecasting.Api;
using FinFlow.Analytics.Forecasting.Ensemble;
using FinFlow.Analytics.Forecasting.Models;
using Xunit;

namespace FinFlow.Analytics.Forecasting.Tests;

/// <summary>Refits spread over the backtest origins, and the calibration the intervals get from them.</summary>
public class BacktestRefitTests
{
    [Fact]
    public void Refits_are_estimated_at_the_first_origin_of_each_block_and_never_see_what_they_forecast()
    {
        var y = Enumerable.Range(0, 300).Select(t => (double)t).ToArray();
        var model = new RecordingModel();

        // 30 origins a week apart, horizon 14 (first origin two strides back), three blocks of ten.
        var backtest = RollingOriginBacktest.Run(model, y, new SeriesContext(7), 14, 30, 7, 7, refits: 3);

        Assert.NotNull(backtest);
        var earliest = 300 - 7 * (2 + 29);
        Assert.Equal([earliest, earliest + 70, earliest + 140], model.FittedLengths);
        // Each origin is forecast by the fit of its block; the forecast is the fitted series' last value, so the
        // step-1 error is the distance from the origin back to the data that fit saw (out of sample, fresher per block).
        for (var k = 0; k < 30; k++)
        {
            var fitLength = model.FittedLengths[k / 10];
            var origin = earliest + 7 * k;
            Assert.True(fitLength <= origin);
            Assert.Equal(origin - (fitLength - 1), backtest.Errors[k][0]);
        }
    }

    [Fact]
    public void One_refit_is_the_single_estimation_before_the_earliest_origin()
    {
        var model = new RecordingModel();

        RollingOriginBacktest.Run(model, [.. Enumerable.Range(0, 100).Select(t => (double)t)], new SeriesContext(1), 5, 20, 1, 1);

        Assert.Equal([100 - 24], model.FittedLengths);
    }

    [Fact]
    public void Daily_intervals_with_refits_cover_known_gaussian_noise_at_about_their_level()
    {
        // Weekday pattern + month-end spike + trend + N(0, 40²): the calendar regression removes the structure, so
        // the calibrated intervals should cover the noise at close to nominal (split conformal with 30 origins aims at
        // 25/31 = 80.6% and 30/31 = 96.8%; 112 days give about ±3.5 points of sampling error at 80%).
        var (dates, values) = Synthetic.Daily(new DateOnly(2021, 1, 4), 560 + 16 * 7, noise: 40, seed: 17);
        var forecaster = new Forecaster(new ForecasterOptions { BacktestRefits = 3, Decimals = 4 });
        int covered80 = 0, covered95 = 0, total = 0;
        for (var origin = 560; origin + 7 <= values.Length; origin += 7)
        {
            var history = Enumerable.Range(0, origin).Select(t => (dates[t], values[t])).ToList();
            var result = forecaster.ForecastValues(history, 7, Frequency.Daily);
            for (var j = 0; j < 7; j++)
            {
                var y = (decimal)values[origin + j];
                var p = result.Forecast[j];
                covered80 += y >= p.Lo80 && y <= p.Hi80 ? 1 : 0;
                covered95 += y >= p.Lo95 && y <= p.Hi95 ? 1 : 0;
                total++;
            }
        }

        Assert.Equal(16 * 7, total);
        Assert.InRange(100.0 * covered80 / total, 72, 88);
        Assert.InRange(100.0 * covered95 / total, 89, 100);
    }

    /// <summary>Forecasts the last value it was fitted on and remembers the length of every series it was fitted to.</summary>
    private sealed class RecordingModel : IForecastModel
    {
        public List<int> FittedLengths { get; } = [];

        public string Name => "recording";

        public bool CanFit(int length, SeriesContext context) => length >= 2;

        public IFittedModel Fit(double[] values, SeriesContext context)
        {
            FittedLengths.Add(values.Length);
            return new LastValue(values[^1]);
        }

        private sealed class LastValue(double value) : IFittedModel
        {
            public double[] Forecast(ReadOnlySpan<double> history, int horizon) => Enumerable.Repeat(value, horizon).ToArray();
        }
    }
}
