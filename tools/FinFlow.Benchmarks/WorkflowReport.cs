using System.Globalization;

namespace FinFlow.Benchmarks;

/// <summary>Prints the workflow suite's figures beside daprd's published ones (contract §8), with the caveat that those ran on Kubernetes.</summary>
public static class WorkflowReport
{
    // dapr/dapr tests/perf/report/charts/v1.17.0: parallel workflows, 110 VUs; actor activation at 500 QPS.
    private const double DaprdWorkflowsPerSecond = 97.91;
    private const double DaprdWorkflowP50Ms = 1060;
    private const double DaprdActivationP50Ms = 2.30;

    public static void Print(BenchmarkOptions options, LatencyStats workflows, LatencyStats invocations, LatencyStats activations)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"Workflow suite: concurrency {options.Concurrency}, {options.Duration.TotalSeconds:0} s measured after {options.Warmup.TotalSeconds:0} s warm-up, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"scenario",-30} {"ops/s",9} {"p50 ms",9} {"p90 ms",9} {"p99 ms",9} {"errors",7}   daprd published");
        Row(workflows, "3-activity chain, start→done", string.Create(c, $"{DaprdWorkflowsPerSecond} wf/s, p50 {DaprdWorkflowP50Ms} ms (110 VUs, k8s)"));
        Row(invocations, "actor invoke (warm)", "no published figure");
        Row(activations, "actor activation (new id)", string.Create(c, $"p50 {DaprdActivationP50Ms} ms at 500 QPS (k8s)"));
        Console.WriteLine(string.Create(c,
            $"Ratios: workflows/s {workflows.Throughput / DaprdWorkflowsPerSecond:0.00}× daprd's; activation p50 {activations.P50Ms / DaprdActivationP50Ms:0.00}× daprd's."));
    }

    private static void Row(LatencyStats stats, string label, string published) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-30} {stats.Throughput,9:0.0} {stats.P50Ms,9:0.00} {stats.P90Ms,9:0.00} {stats.P99Ms,9:0.00} {stats.Errors,7}   {published}"));
}
