using System.Diagnostics;
using System.Globalization;
using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Benchmark;

/// <summary>
/// In-process latency of <see cref="CreditModel.Score"/>: each call timed alone for percentiles, then throughput on
/// one thread and on every core. Inputs cycle through the reference grid so no single path is measured.
/// </summary>
public static class LatencyProbe
{
    public static IEnumerable<BenchmarkRow> Measure(CreditModel model, IReadOnlyList<BusinessFeatures> inputs, int calls)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        for (var i = 0; i < 5_000; i++)
            model.Score(inputs[i % inputs.Count]);

        var microseconds = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            model.Score(inputs[i % inputs.Count]);
            microseconds[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(microseconds);
        var single = Throughput(model, inputs, calls, threads: 1);
        var all = Throughput(model, inputs, calls * 2, Environment.ProcessorCount);
        string Micro(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + " µs";
        yield return new BenchmarkRow("Score() latency p50", Micro(microseconds[calls / 2]));
        yield return new BenchmarkRow("Score() latency p99", Micro(microseconds[(int)(calls * 0.99)]));
        yield return new BenchmarkRow("Score() throughput, 1 thread", single.ToString("N0", CultureInfo.InvariantCulture) + " /s");
        yield return new BenchmarkRow($"Score() throughput, {Environment.ProcessorCount} threads", all.ToString("N0", CultureInfo.InvariantCulture) + " /s");
    }

    private static double Throughput(CreditModel model, IReadOnlyList<BusinessFeatures> inputs, int calls, int threads)
    {
        var start = Stopwatch.GetTimestamp();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            for (var i = thread; i < calls; i += threads)
                model.Score(inputs[i % inputs.Count]);
        });
        return calls / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
