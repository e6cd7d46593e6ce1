namespace FinFlow.Sidecar.Observability;

/// <summary>A thread-safe cumulative histogram with fixed millisecond buckets (Prometheus semantics).</summary>
public sealed class LatencyHistogram
{
    public static readonly double[] BucketsMs = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    private readonly long[] _counts = new long[BucketsMs.Length];
    private readonly Lock _lock = new();
    private long _total;
    private double _sum;

    public void Observe(double milliseconds)
    {
        lock (_lock)
        {
            _total++;
            _sum += milliseconds;
            for (var i = 0; i < BucketsMs.Length; i++)
            {
                if (milliseconds <= BucketsMs[i]) _counts[i]++;
            }
        }
    }

    public (long[] Cumulative, long Count, double Sum) Snapshot()
    {
        lock (_lock) return ((long[])_counts.Clone(), _total, _sum);
    }
}
