using FinFlow.Sidecar.Hosting;

namespace FinFlow.Sidecar.Workflow.Management;

/// <summary>Wires the workflow management API (contract §7.2-7.3) onto both ports.</summary>
public sealed class WorkflowManagementBuildingBlock(WorkflowManagementApi api) : IBuildingBlock
{
    public void Map(SidecarEndpoints endpoints)
    {
        WorkflowHttpEndpoints.Map(endpoints.Http, api);
        WorkflowGrpcHandlers.Map(endpoints.Dapr, api);
    }
}
