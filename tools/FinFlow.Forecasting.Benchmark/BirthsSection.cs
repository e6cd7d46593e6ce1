using System.Diagnostics;
using FinFlow.Analytics.Forecasting;
using FinFlow.Analytics.Forecasting.Api;
using FinFlow.Analytics.Forecasting.Data;

namespace FinFlow.Forecasting.Benchmark;

/// <summary>The daily section: births backtest through the public API, then the latency of one forecast of three years.</summary>
internal static class BirthsSection
{
    private const int Horizon = 14;

    public static void Run(DatedSeries births, bool quick, bool validate, bool members, int? refits)
    {
        var holdBack = validate ? 365 : 0;
        var origins = quick ? 8 : 26;
        Console.WriteLine();
        Console.WriteLine($"## SSA US births (daily): {origins} rolling origins every {Horizon} days over the last year{(validate ? " before 2014" : "")}, horizon {Horizon}, full API path (ensemble + conformal intervals)");
        if (members)
        {
            BirthsMembers.Print(births, origins, Horizon, holdBack, 3 * 366);
        }

        var options = refits is { } r0 ? new ForecasterOptions { BacktestRefits = r0 } : new ForecasterOptions();
        Console.WriteLine($"Backtest inside each forecast: {options.BacktestOrigins} origins, {options.BacktestRefits} estimation(s) spread over them.");
        var stopwatch = Stopwatch.StartNew();
        var r = BirthsRun.Score(births, origins, Horizon, holdBack, options);
        Console.WriteLine($"| {"measure",-22} | {"value",7} | {"aim",-24} |");
        Console.WriteLine($"|{new string('-', 24)}|{new string('-', 9)}|{new string('-', 26)}|");
        Console.WriteLine($"| {"sMAPE",-22} | {r.Smape,7:F3} | {"< 3.0",-24} |");
        Console.WriteLine($"| {"MASE (m = 7)",-22} | {r.Mase,7:F3} | {"< 0.75",-24} |");
        Console.WriteLine($"| {"80% interval coverage",-22} | {r.Coverage80,6:F1}% | {$"78-82% (±{r.CoverageSe80:F1} s.e.)",-24} |");
        Console.WriteLine($"| {"95% interval coverage",-22} | {r.Coverage95,6:F1}% | {$"93-97% (±{r.CoverageSe95:F1} s.e.)",-24} |");
        Console.WriteLine($"| {"80% interval mean width",-22} | {r.Width80,7:F0} | {"(narrower is sharper)",-24} |");
        Console.WriteLine($"| {"95% interval mean width",-22} | {r.Width95,7:F0} | {"(narrower is sharper)",-24} |");
        Console.WriteLine($"Model: {r.Model}; {origins * Horizon} forecast days; {stopwatch.Elapsed.TotalSeconds:F1} s.");

        var n = births.Values.Length - holdBack;
        var history = Enumerable.Range(n - 3 * 365, 3 * 365).Select(t => (births.Dates[t], (decimal)births.Values[t])).ToList();
        var forecaster = new Forecaster(options);
        var cold = Stopwatch.StartNew();
        forecaster.Forecast(history, 30, Frequency.Daily);
        var coldMs = cold.Elapsed.TotalMilliseconds;
        var runs = quick ? 10 : 50;
        var timings = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var run = Stopwatch.StartNew();
            forecaster.Forecast(history, 30, Frequency.Daily);
            timings[i] = run.Elapsed.TotalMilliseconds;
        }

        Array.Sort(timings);
        Console.WriteLine($"Latency of one 30-day forecast of 3 years (1,095 days) of daily data, incl. backtest and intervals, {runs} runs: " +
            $"p50 {Percentile(timings, 0.50):F0} ms, p99 {Percentile(timings, 0.99):F0} ms (first call {coldMs:F0} ms).");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
