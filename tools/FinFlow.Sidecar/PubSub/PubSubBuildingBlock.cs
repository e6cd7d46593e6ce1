using FinFlow.Sidecar.Hosting;

namespace FinFlow.Sidecar.PubSub;

/// <summary>Wires publishing onto both ports; delivery runs in <see cref="SubscriptionManager"/>.</summary>
public sealed class PubSubBuildingBlock(PubSubApi api) : IBuildingBlock
{
    public void Map(SidecarEndpoints endpoints)
    {
        PubSubHttpEndpoints.Map(endpoints, api);
        PubSubGrpcHandlers.Map(endpoints.Dapr, api);
    }
}
