using FinFlow.Analytics.Forecasting.Data;
using FinFlow.Analytics.Forecasting.Metrics;
using FinFlow.Analytics.Forecasting.Models;
using Xunit;

namespace FinFlow.Analytics.Forecasting.Tests;

/// <summary>Naive and seasonal naive on the full M4 Weekly and Hourly sets reproduce the official M4 table.</summary>
public class M4MetricTests
{
    [Fact]
    public void Weekly_and_hourly_files_hold_every_series_with_its_test_horizon()
    {
        Assert.Equal(359, TestData.Weekly.Train.Count);
        Assert.Equal(414, TestData.Hourly.Train.Count);
        Assert.Equal(80, TestData.Weekly.Train.Min(s => s.Values.Length));
        Assert.Equal(2597, TestData.Weekly.Train.Max(s => s.Values.Length));
        Assert.Equal(1089.2, TestData.Weekly.Train[0].Values[0]);
        Assert.Equal("H1", TestData.Hourly.Train[0].Id);
    }

    [Theory]
    [InlineData("Weekly", "Naive", 9.161, 2.777)]
    [InlineData("Weekly", "SeasonalNaive", 9.161, 2.777)]
    [InlineData("Hourly", "Naive", 43.003, 11.608)]
    [InlineData("Hourly", "SeasonalNaive", 13.912, 1.193)]
    public void Naive_methods_score_the_official_M4_figures(string set, string method, double smape, double mase)
    {
        var data = set == "Weekly" ? TestData.Weekly : TestData.Hourly;
        var model = method == "Naive" ? M4BenchmarkMethods.Naive : M4BenchmarkMethods.SeasonalNaive;

        var summary = Score(data, model);

        Assert.Equal(smape, summary.Smape, 0.01);
        Assert.Equal(mase, summary.Mase, 0.01);
    }

    [Fact]
    public void Smape_and_mase_follow_the_M4_definitions_on_a_hand_computed_case()
    {
        double[] insample = [10, 12, 11, 13];
        double[] actual = [14, 10];
        double[] forecast = [12, 12];

        // sMAPE: mean of 200·2/26 and 200·2/22; MASE scale (m = 1): mean(2, 1, 2) = 5/3.
        Assert.Equal((400.0 / 26 + 400.0 / 22) / 2, ForecastAccuracy.Smape(actual, forecast), 12);
        Assert.Equal(2 / (5.0 / 3), ForecastAccuracy.Mase(insample, actual, forecast, 1), 12);
        // m = 2: scale mean(|11−10|, |13−12|) = 1.
        Assert.Equal(2.0, ForecastAccuracy.Mase(insample, actual, forecast, 2), 12);
        Assert.Equal(1.0, ForecastAccuracy.Owa(4, 2, 4, 2), 12);
    }

    internal static AccuracySummary Score(M4Dataset data, IForecastModel model)
    {
        var summary = new AccuracySummary();
        for (var i = 0; i < data.Train.Count; i++)
        {
            var train = data.Train[i].Values;
            var forecast = model.Fit(train, new SeriesContext(data.SeasonalPeriod)).Forecast(train, data.Horizon);
            summary.Add(train, data.Test[i].Values, forecast, data.SeasonalPeriod);
        }

        return summary;
    }
}
