using FinFlow.Analytics.Forecasting.Ensemble;
using FinFlow.Analytics.Forecasting.Models;
using Xunit;

namespace FinFlow.Analytics.Forecasting.Tests;

public class EnsembleAndIntervalTests
{
    [Fact]
    public void Median_and_mean_combine_step_by_step()
    {
        double[] odd = [3, 1, 2];
        double[] even = [4, 1, 3, 2];

        Assert.Equal(2, EnsembleModel.Combine(odd, EnsembleCombination.Median));
        Assert.Equal(2.5, EnsembleModel.Combine(even, EnsembleCombination.Median));
        Assert.Equal(2.5, EnsembleModel.Combine(new double[] { 4, 1, 3, 2 }, EnsembleCombination.Mean));
    }

    [Fact]
    public void An_ensemble_leaves_out_members_that_cannot_fit()
    {
        var ensemble = new EnsembleModel("e", [new NaiveModel(), new DailyRegressionModel()], EnsembleCombination.Mean);

        var forecast = ensemble.Fit([1, 2, 3], new SeriesContext(1)).Forecast([1, 2, 3], 2);

        Assert.Equal([3.0, 3.0], forecast);
    }

    [Fact]
    public void Conformal_half_width_is_the_finite_sample_quantile_of_absolute_errors_per_step()
    {
        // 19 origins, step 1 errors ±1..±19, step 2 twice as large.
        var errors = Enumerable.Range(1, 19).Select(k => new double[] { k % 2 == 0 ? k : -k, 2 * k }).ToArray();
        var backtest = new BacktestErrors(errors, 0, null);

        // ⌈20·0.8⌉ = 16th smallest; ⌈20·0.95⌉ = 19th.
        Assert.Equal([16.0, 32.0], ConformalIntervals.HalfWidths(backtest, [1, 2], 2, 80));
        Assert.Equal([19.0, 38.0], ConformalIntervals.HalfWidths(backtest, [1, 2], 2, 95));
    }

    [Fact]
    public void Conformal_intervals_from_a_backtest_cover_white_noise_at_about_their_level()
    {
        var random = new Random(11);
        var y = Enumerable.Range(0, 4000).Select(_ => 100 + 10 * Synthetic.Gaussian(random)).ToArray();
        var model = new SeasonallyAdjustedModel("SES", M4BenchmarkMethods.Ses);
        int covered80 = 0, covered95 = 0, total = 0;
        for (var origin = 400; origin + 5 <= y.Length; origin += 50)
        {
            var history = y[..origin];
            var backtest = RollingOriginBacktest.Run(model, history, new SeriesContext(1), 5, 100, 1, 1);
            var forecast = model.Fit(history, new SeriesContext(1)).Forecast(history, 5);
            var w80 = ConformalIntervals.HalfWidths(backtest, history, 5, 80);
            var w95 = ConformalIntervals.HalfWidths(backtest, history, 5, 95);
            for (var j = 0; j < 5; j++)
            {
                var error = Math.Abs(y[origin + j] - forecast[j]);
                covered80 += error <= w80[j] ? 1 : 0;
                covered95 += error <= w95[j] ? 1 : 0;
                total++;
            }
        }

        Assert.InRange(100.0 * covered80 / total, 74, 86);
        Assert.InRange(100.0 * covered95 / total, 91, 99);
    }

    [Fact]
    public void Backtest_origins_on_daily_data_fall_on_the_forecast_origins_weekday()
    {
        var y = Enumerable.Range(0, 200).Select(t => (double)(t % 7)).ToArray();

        // Seasonal naive is exact on a pure weekly cycle only when every origin keeps the phase.
        var backtest = RollingOriginBacktest.Run(new SeasonalNaiveModel(), y, new SeriesContext(7), 10, 12, 7, 7);

        Assert.NotNull(backtest);
        Assert.Equal(12, backtest.Origins);
        Assert.All(backtest.Errors.SelectMany(e => e), e => Assert.Equal(0, e));
    }
}
