using System.Diagnostics;
using FinFlow.Analytics.Forecasting;
using FinFlow.Analytics.Forecasting.Data;
using FinFlow.Analytics.Forecasting.Ensemble;
using FinFlow.Analytics.Forecasting.Metrics;
using FinFlow.Analytics.Forecasting.Models;

namespace FinFlow.Forecasting.Benchmark;

/// <summary>Each ensemble member alone on the births origins (point accuracy and fit time), to see what the ensemble is made of.</summary>
internal static class BirthsMembers
{
    public static void Print(DatedSeries series, int origins, int horizon, int holdBack, int historyDays)
    {
        var n = series.Values.Length - holdBack;
        var ensemble = DefaultEnsembles.For(7, dated: true);
        foreach (var model in ensemble.Members.Append(ensemble))
        {
            var accuracy = new AccuracySummary();
            var stopwatch = Stopwatch.StartNew();
            for (var k = 0; k < origins; k++)
            {
                var origin = n - horizon * (origins - k);
                var from = Math.Max(0, origin - historyDays);
                var values = series.Values[from..origin];
                var context = new SeriesContext(7, new TimeAxis(series.Dates[from], Frequency.Daily));
                var forecast = model.Fit(values, context).Forecast(values, horizon);
                accuracy.Add(values, series.Values.AsSpan(origin, horizon), forecast, 7);
            }

            Console.WriteLine($"  {model.Name,-20} sMAPE {accuracy.Smape,6:F3}  MASE {accuracy.Mase,6:F3}  {stopwatch.Elapsed.TotalMilliseconds / origins,7:F0} ms/fit");
        }
    }
}
