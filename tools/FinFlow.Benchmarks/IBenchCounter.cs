using Dapr.Actors;

namespace FinFlow.Benchmarks;

/// <summary>The measured actor interface, shared by the app (implementation) and the load (ActorProxy).</summary>
public interface IBenchCounter : IActor
{
    Task<int> IncrementAsync();
}
