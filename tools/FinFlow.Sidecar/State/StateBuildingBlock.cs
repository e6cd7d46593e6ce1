using FinFlow.Sidecar.Hosting;

namespace FinFlow.Sidecar.State;

/// <summary>Wires the state API onto both ports.</summary>
public sealed class StateBuildingBlock(StateApi api) : IBuildingBlock
{
    public void Map(SidecarEndpoints endpoints)
    {
        StateHttpEndpoints.Map(endpoints, api);
        StateGrpcHandlers.Map(endpoints.Dapr, api);
    }
}
