using System.Collections.Concurrent;

namespace FinFlow.Sidecar.TestApp;

/// <summary>Everything received, in arrival order, plus per-event attempt counters.</summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    public int NextAttempt(string topic, string id) => _attempts.AddOrUpdate($"{topic}/{id}", 1, (_, n) => n + 1);

    public void Add(Delivery delivery) => _deliveries.Enqueue(delivery);

    public IReadOnlyList<Delivery> All => [.. _deliveries];
}
