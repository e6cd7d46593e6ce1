using FinFlow.Analytics.Forecasting.Models;
using FinFlow.Analytics.Forecasting.Models.Ets;
using Xunit;

namespace FinFlow.Analytics.Forecasting.Tests;

/// <summary>Each statistical method on series whose future is known: a pure trend, a pure season, a level shift.</summary>
public class StatisticalModelTests
{
    private static double[] FitForecast(IForecastModel model, double[] y, int horizon, int period = 1) =>
        model.Fit(y, new SeriesContext(period)).Forecast(y, horizon);

    private static void AssertClose(double[] expected, double[] actual, double relativeTolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= relativeTolerance * Math.Abs(expected[i]),
                $"step {i + 1}: expected {expected[i]:F3}, got {actual[i]:F3}");
        }
    }

    // Optimised Theta shrinks the drift by (1 − 1/θ) with θ at most 10, hence its looser tolerance.
    [Theory]
    [InlineData("Holt", 0.001)]
    [InlineData("AutoETS", 0.001)]
    [InlineData("OptimizedTheta", 0.015)]
    public void Trend_methods_extend_a_pure_trend(string method, double tolerance)
    {
        var y = Synthetic.Trend(60, 100, 3);
        var future = Synthetic.Trend(72, 100, 3)[60..];
        IForecastModel model = method switch
        {
            "Holt" => M4BenchmarkMethods.Holt,
            "AutoETS" => new AutoEtsModel(),
            _ => new OptimizedThetaModel(),
        };

        AssertClose(future, FitForecast(model, y, 12), tolerance);
    }

    [Fact]
    public void Classic_theta_on_a_pure_trend_sits_between_the_last_value_and_the_trend_line()
    {
        var y = Synthetic.Trend(60, 100, 3);

        var forecast = FitForecast(M4BenchmarkMethods.Theta, y, 6);

        // Theta line 2 equals the data, SES of it ends near the last value; the mean with line 0 halves the drift.
        for (var h = 1; h <= 6; h++)
        {
            Assert.InRange(forecast[h - 1], y[^1] - 1, 100 + 3 * (59 + h) + 0.01);
            Assert.InRange(forecast[h - 1], y[^1] + 1.5 * h - 0.05, y[^1] + 1.5 * h + 0.05);
        }
    }

    [Fact]
    public void Damped_trend_flattens_while_holt_keeps_the_slope()
    {
        var y = Synthetic.Trend(60, 100, 3).Select((v, t) => v + (t % 2 == 0 ? 4 : -4)).ToArray();

        var damped = FitForecast(new EtsModel(new EtsSpec(false, EtsTrend.DampedAdditive, EtsSeason.None)), y, 24);
        var holt = FitForecast(M4BenchmarkMethods.Holt, y, 24);

        Assert.True(damped[23] - damped[22] < damped[1] - damped[0], "damped increments shrink");
        Assert.True(damped[23] < holt[23]);
    }

    [Theory]
    [InlineData("SeasonalNaive", 0.0001)]
    [InlineData("Naive2", 0.02)]
    [InlineData("SES", 0.02)]
    [InlineData("Theta", 0.02)]
    [InlineData("AutoETS", 0.02)]
    public void Seasonal_methods_reproduce_a_pure_season(string method, double tolerance)
    {
        var all = Synthetic.Season(132, 12, 1000, 0.3);
        var model = method == "AutoETS" ? new AutoEtsModel() : M4BenchmarkMethods.All.Single(m => m.Name == method);

        AssertClose(all[120..], FitForecast(model, all[..120], 12, 12), tolerance);
    }

    [Theory]
    [InlineData("Naive")]
    [InlineData("SES")]
    [InlineData("Damped")]
    [InlineData("AutoETS")]
    [InlineData("OptimizedTheta")]
    public void Level_methods_follow_a_level_shift(string method)
    {
        var y = Synthetic.LevelShift(100, 60, 100, 150, noise: 1);
        var model = method switch
        {
            "AutoETS" => new AutoEtsModel(),
            "OptimizedTheta" => new OptimizedThetaModel(),
            _ => M4BenchmarkMethods.All.Single(m => m.Name == method),
        };

        foreach (var value in FitForecast(model, y, 8))
        {
            Assert.InRange(value, 145, 155);
        }
    }

    [Fact]
    public void Auto_ets_picks_a_seasonal_model_for_seasonal_data_and_a_trend_model_for_a_trend()
    {
        var seasonal = (EtsFit)new AutoEtsModel().Fit(Synthetic.Season(120, 12, 1000, 0.3, 0.01), new SeriesContext(12));
        var trend = (EtsFit)new AutoEtsModel().Fit(Synthetic.Trend(60, 100, 3), new SeriesContext(1));

        Assert.True(seasonal.Spec.IsSeasonal, seasonal.Spec.Name);
        Assert.True(trend.Spec.HasTrend, trend.Spec.Name);
    }

    [Fact]
    public void Ets_on_negative_data_uses_only_additive_forms()
    {
        var y = Synthetic.LevelShift(80, 40, -50, 20, noise: 5);

        var fit = (EtsFit)new AutoEtsModel().Fit(y, new SeriesContext(1));

        Assert.False(fit.Spec.NeedsPositiveData);
        Assert.All(fit.Forecast(y, 5), v => Assert.InRange(v, 0, 40));
    }

    [Fact]
    public void A_fitted_model_forecasts_from_a_longer_history_with_its_parameters_fixed()
    {
        // A random walk: SES estimates α near 1, so its forecast is close to the last value it filtered.
        var random = new Random(7);
        var y = new double[120];
        y[0] = 1000;
        for (var t = 1; t < y.Length; t++)
        {
            y[t] = y[t - 1] + 20 * Synthetic.Gaussian(random);
        }

        var fitted = M4BenchmarkMethods.Ses.Fit(y[..90], new SeriesContext(1));

        Assert.All(fitted.Forecast(y, 3), v => Assert.InRange(v, y[^1] - 5, y[^1] + 5));
        Assert.All(fitted.Forecast(y.AsSpan(0, 90), 3), v => Assert.InRange(v, y[89] - 5, y[89] + 5));
    }
}
