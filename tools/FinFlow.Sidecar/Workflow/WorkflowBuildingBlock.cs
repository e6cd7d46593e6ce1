using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Workflow.TaskHub;

namespace FinFlow.Sidecar.Workflow;

/// <summary>Serves TaskHubSidecarService on the gRPC port, next to the Dapr service.</summary>
public sealed class WorkflowBuildingBlock : IBuildingBlock
{
    public void Map(SidecarEndpoints endpoints) => endpoints.MapGrpcService<TaskHubGrpcService>();
}
