using System.Globalization;

namespace FinFlow.Benchmarks;

/// <summary>Prints the results table, each pair's ratios, and the invocation overhead next to daprd's published figure.</summary>
public static class Report
{
    /// <summary>dapr/dapr perf charts v1.17.0, HTTP invoke at 1000 QPS, 16 connections: overhead +1.06 ms at p50 (contract §8).</summary>
    public const double DaprdInvokeOverheadP50Ms = 1.06;

    public static void Print(BenchmarkOptions options, IReadOnlyList<(LatencyStats Sidecar, LatencyStats Direct)> pairs, LatencyStats? pubSub, string? pubSubSkipped)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"FinFlow.Sidecar benchmark: concurrency {options.Concurrency}, {options.Duration.TotalSeconds:0.#} s measured after {options.Warmup.TotalSeconds:0.#} s warm-up, {Environment.ProcessorCount} cores"));
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-42} {"ops",9} {"ops/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"errors",7}");
        Console.WriteLine(new string('-', 97));
        foreach (var (sidecar, direct) in pairs)
        {
            Row(sidecar);
            Row(direct);
        }

        if (pubSub is not null) Row(pubSub);
        Console.WriteLine();
        Console.WriteLine("Ratios (sidecar ÷ direct):");
        foreach (var (sidecar, direct) in pairs)
        {
            Console.WriteLine(string.Create(c, $"  {Short(sidecar.Name),-12} p50 ×{sidecar.P50Ms / direct.P50Ms:0.00}  p90 ×{sidecar.P90Ms / direct.P90Ms:0.00}  p99 ×{sidecar.P99Ms / direct.P99Ms:0.00}  throughput {100 * sidecar.Throughput / direct.Throughput:0}% of direct  (added p50 {sidecar.P50Ms - direct.P50Ms:+0.000;-0.000} ms)"));
        }

        var invoke = pairs.FirstOrDefault(p => p.Sidecar.Name.StartsWith("invoke", StringComparison.Ordinal));
        if (invoke.Sidecar is not null)
        {
            var added = invoke.Sidecar.P50Ms - invoke.Direct.P50Ms;
            var share = invoke.Sidecar.Throughput / invoke.Direct.Throughput;
            Console.WriteLine();
            Console.WriteLine(string.Create(c, $"Invocation through two sidecars adds {added:0.000} ms at p50; daprd publishes +{DaprdInvokeOverheadP50Ms:0.00} ms (Kubernetes, 1000 QPS, 16 connections) -> {(added <= DaprdInvokeOverheadP50Ms ? "within" : "above")} daprd's overhead."));
            Console.WriteLine(string.Create(c, $"It keeps {100 * share:0}% of direct throughput (goal: at least 50%) -> {(share >= 0.5 ? "met" : "not met")}."));
            Console.WriteLine("  Note: here load generator, apps and sidecars share the same cores, so throughput is CPU-bound: the");
            Console.WriteLine("  sidecar path does three HTTP server/client round trips of work where the direct path does one.");
        }

        if (pubSubSkipped is not null) Console.WriteLine($"\npub/sub publish → delivery: skipped ({pubSubSkipped}).");
        else if (pubSub is not null) Console.WriteLine("\npub/sub latency is one-way, publish call start → handler entry in the subscriber app; ops/s = delivered events per second at this concurrency (each publisher waits for its delivery).");
    }

    internal static void Row(LatencyStats s) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Name,-42} {s.Operations,9} {s.Throughput,9:0} {s.P50Ms,8:0.000} {s.P90Ms,8:0.000} {s.P99Ms,8:0.000} {s.Errors,7}"));

    private static string Short(string name) => name[..name.IndexOf(':', StringComparison.Ordinal)];
}
