using FinFlow.Analytics.Forecasting;
using FinFlow.Analytics.Forecasting.Api;
using FinFlow.Analytics.Forecasting.Data;
using FinFlow.Analytics.Forecasting.Metrics;

namespace FinFlow.Forecasting.Benchmark;

/// <summary>
/// The daily stand-in for revenue: rolling origins every <c>horizon</c> days over the last year of the
/// SSA births series, each forecast made through the public <see cref="Forecaster"/> with the history
/// up to its origin; scores point accuracy and the empirical coverage of the conformal intervals.
/// </summary>
internal static class BirthsRun
{
    public sealed record Result(double Smape, double Mase, double Coverage80, double Coverage95, double Width80, double Width95, double CoverageSe80, double CoverageSe95, int Origins, string Model);

    public static Result Score(DatedSeries series, int origins, int horizon, int holdBack, ForecasterOptions options)
    {
        var forecaster = new Forecaster(options with { Decimals = 4 });
        var n = series.Values.Length - holdBack;
        var accuracy = new AccuracySummary();
        int covered80 = 0, covered95 = 0, points = 0;
        decimal width80 = 0, width95 = 0;
        var perOrigin80 = new double[origins];
        var perOrigin95 = new double[origins];
        var model = "";
        for (var k = 0; k < origins; k++)
        {
            var origin = n - horizon * (origins - k);
            var history = Enumerable.Range(0, origin).Select(t => (series.Dates[t], series.Values[t])).ToList();
            var result = forecaster.ForecastValues(history, horizon, Frequency.Daily);
            model = result.Model;
            var actual = series.Values.AsSpan(origin, horizon);
            var forecast = result.Forecast.Select(p => (double)p.Yhat).ToArray();
            accuracy.Add(series.Values.AsSpan(0, origin), actual, forecast, 7);
            for (var j = 0; j < horizon; j++)
            {
                var p = result.Forecast[j];
                var y = (decimal)actual[j];
                var in80 = y >= p.Lo80 && y <= p.Hi80 ? 1 : 0;
                var in95 = y >= p.Lo95 && y <= p.Hi95 ? 1 : 0;
                covered80 += in80;
                covered95 += in95;
                perOrigin80[k] += 100.0 * in80 / horizon;
                perOrigin95[k] += 100.0 * in95 / horizon;
                width80 += p.Hi80!.Value - p.Lo80!.Value;
                width95 += p.Hi95!.Value - p.Lo95!.Value;
                points++;
            }
        }

        return new Result(accuracy.Smape, accuracy.Mase, 100.0 * covered80 / points, 100.0 * covered95 / points,
            (double)width80 / points, (double)width95 / points, ClusteredStandardError(perOrigin80), ClusteredStandardError(perOrigin95), origins, model);
    }

    // The days of one origin share its errors (a missed level misses them together), so the coverage's sampling
    // error is that of the per-origin coverages' mean, not a binomial over all forecast days.
    private static double ClusteredStandardError(double[] perOrigin)
    {
        var mean = perOrigin.Average();
        var variance = perOrigin.Sum(c => (c - mean) * (c - mean)) / (perOrigin.Length - 1);
        return Math.Sqrt(variance / perOrigin.Length);
    }
}
