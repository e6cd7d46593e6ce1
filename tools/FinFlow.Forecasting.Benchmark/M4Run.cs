using System.Diagnostics;
using FinFlow.Analytics.Forecasting.Data;
using FinFlow.Analytics.Forecasting.Metrics;
using FinFlow.Analytics.Forecasting.Models;

namespace FinFlow.Forecasting.Benchmark;

/// <summary>Fits each method on every training series of an M4 set and scores it on the test horizon.</summary>
internal static class M4Run
{
    public static (AccuracySummary Summary, TimeSpan Elapsed) Score(M4Dataset data, IForecastModel model, int threads)
    {
        var stopwatch = Stopwatch.StartNew();
        var forecasts = new double[data.Train.Count][];
        Parallel.For(0, data.Train.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var train = data.Train[i].Values;
            forecasts[i] = model.Fit(train, new SeriesContext(data.SeasonalPeriod)).Forecast(train, data.Horizon);
        });

        var summary = new AccuracySummary();
        for (var i = 0; i < data.Train.Count; i++)
        {
            summary.Add(data.Train[i].Values, data.Test[i].Values, forecasts[i], data.SeasonalPeriod);
        }

        return (summary, stopwatch.Elapsed);
    }

    /// <summary>
    /// The same set with the last horizon of each training series held out as its test: the honest place
    /// to compare design choices, since the real test horizon must not steer them.
    /// </summary>
    public static M4Dataset ValidationSplit(M4Dataset data)
    {
        var train = data.Train.Select(s => new NamedSeries(s.Id, s.Values[..^data.Horizon])).ToList();
        var test = data.Train.Select(s => new NamedSeries(s.Id, s.Values[^data.Horizon..])).ToList();
        return data with { Name = data.Name + " (validation)", Train = train, Test = test };
    }

    public static M4Dataset Subset(M4Dataset data, int every) => data with
    {
        Name = $"{data.Name} (every {every}th)",
        Train = data.Train.Where((_, i) => i % every == 0).ToList(),
        Test = data.Test.Where((_, i) => i % every == 0).ToList(),
    };
}
