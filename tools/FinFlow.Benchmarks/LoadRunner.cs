using System.Diagnostics;

namespace FinFlow.Benchmarks;

/// <summary>
/// Closed-loop load at fixed concurrency: N workers each run the operation back to back, first for the
/// warm-up (discarded: JIT, connection pools, prepared plans), then for the measured window. Latencies are
/// kept per worker (no shared lock on the hot path) and merged at the end.
/// </summary>
public static class LoadRunner
{
    public static async Task<LatencyStats> RunAsync(
        string name, BenchmarkOptions options, Func<int, long, CancellationToken, Task> operation, Action? onMeasureStart = null,
        CancellationToken cancellationToken = default)
    {
        await RunPhaseAsync(options.Concurrency, options.Warmup, operation, record: false, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        onMeasureStart?.Invoke();
        var (latencies, errors, elapsed) = await RunPhaseAsync(options.Concurrency, options.Duration, operation, record: true, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return LatencyStats.From(name, options.Concurrency, latencies, errors, elapsed);
    }

    private static async Task<(List<double> Latencies, long Errors, TimeSpan Elapsed)> RunPhaseAsync(
        int concurrency, TimeSpan duration, Func<int, long, CancellationToken, Task> operation, bool record, CancellationToken cancellationToken)
    {
        // An interruption (the token) ends the phase early; the operations see it too, so none hangs on.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var perWorker = new List<double>[concurrency];
        long errors = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var latencies = perWorker[worker] = new List<double>(record ? 100_000 : 0);
            for (long n = 0; !stop.IsCancellationRequested; n++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation(worker, n, cancellationToken);
                    if (record) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    if (cancellationToken.IsCancellationRequested) break;
                    if (Interlocked.Increment(ref errors) == 1) Console.Error.WriteLine($"  first error: {error.GetType().Name}: {error.Message}");
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        return (perWorker.SelectMany(l => l).ToList(), errors, elapsed);
    }
}
