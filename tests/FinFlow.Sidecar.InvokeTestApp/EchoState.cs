using System.Collections.Concurrent;

namespace FinFlow.Sidecar.InvokeTestApp;

/// <summary>What the tests steer and observe: the health answer and per-key hit counters.</summary>
public sealed class EchoState
{
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);

    public bool Healthy { get; set; } = true;

    public int Hit(string key) => _hits.AddOrUpdate(key, 1, (_, count) => count + 1);

    public int Hits(string key) => _hits.TryGetValue(key, out var count) ? count : 0;
}
