using Dapr.Actors.Runtime;

namespace FinFlow.Sidecar.ActorApp;

/// <summary>The same actor under a type configured as reentrant (entitiesConfig), for the reentrancy test.</summary>
[Actor(TypeName = "ReentrantCounterActor")]
public sealed class ReentrantCounterActor(ActorHost host, EventLog log) : CounterActor(host, log)
{
    protected override string TypeName => "ReentrantCounterActor";
}
