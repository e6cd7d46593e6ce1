using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Metadata;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// The actor runtime in the metadata answer: DISABLED without an actor state store, INITIALIZING until the
/// app's /dapr/config was read, then RUNNING with each hosted type and its active count. There is no
/// placement service locally, so <c>placement</c> stays empty.
/// </summary>
public sealed class ActorMetadataContributor(ActorHosting hosting, ActorTable actors) : IMetadataContributor
{
    public void Contribute(GetMetadataResponse response)
    {
        var runtime = new ActorRuntime
        {
            RuntimeStatus = hosting.StateStore is null ? ActorRuntime.Types.ActorRuntimeStatus.Disabled
                : hosting.Loaded.IsCompleted ? ActorRuntime.Types.ActorRuntimeStatus.Running
                : ActorRuntime.Types.ActorRuntimeStatus.Initializing,
        };
        var types = hosting.StateStore is null ? [] : hosting.Config.Types;
        runtime.HostReady = types.Count > 0;
        var active = actors.ActiveByType();
        foreach (var type in types.Order(StringComparer.Ordinal))
        {
            runtime.ActiveActors.Add(new ActiveActorsCount { Type = type, Count = active.GetValueOrDefault(type) });
        }

        response.ActorRuntime = runtime;
    }
}
