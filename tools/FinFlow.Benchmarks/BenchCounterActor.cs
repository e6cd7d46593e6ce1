using Dapr.Actors.Runtime;

namespace FinFlow.Benchmarks;

/// <summary>Counts calls in memory: an invocation measures turn-based dispatch through the sidecar, not state I/O.</summary>
public sealed class BenchCounterActor(ActorHost host) : Actor(host), IBenchCounter
{
    private int _count;

    public Task<int> IncrementAsync() => Task.FromResult(++_count);
}
