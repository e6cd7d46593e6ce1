using FinFlow.Sidecar.Hosting;

namespace FinFlow.Sidecar.Actors;

/// <summary>Actors (daprd's actor API) on both ports.</summary>
public sealed class ActorBuildingBlock(ActorHttpEndpoints http, ActorGrpcHandlers grpc) : IBuildingBlock
{
    public void Map(SidecarEndpoints endpoints)
    {
        http.Map(endpoints);
        grpc.Map(endpoints.Dapr);
    }
}
