namespace FinFlow.Benchmarks;

/// <summary>Latency percentiles (nearest rank) and throughput of one measured scenario.</summary>
public sealed record LatencyStats(string Name, int Concurrency, long Operations, long Errors, TimeSpan Elapsed, double P50Ms, double P90Ms, double P99Ms)
{
    public double Throughput => Operations / Elapsed.TotalSeconds;

    public static LatencyStats From(string name, int concurrency, List<double> latenciesMs, long errors, TimeSpan elapsed)
    {
        latenciesMs.Sort();
        double Percentile(double p) => latenciesMs.Count == 0 ? double.NaN : latenciesMs[Math.Clamp((int)Math.Ceiling(p * latenciesMs.Count) - 1, 0, latenciesMs.Count - 1)];
        return new LatencyStats(name, concurrency, latenciesMs.Count, errors, elapsed, Percentile(0.50), Percentile(0.90), Percentile(0.99));
    }
}
