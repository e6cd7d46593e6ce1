using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Metadata;
using FinFlow.Sidecar.Workflow.Engine;

namespace FinFlow.Sidecar.Workflow;

/// <summary>daprd's <c>workflows.connectedWorkers</c> in the metadata answer: the open GetWorkItems streams.</summary>
public sealed class WorkflowMetadataContributor(WorkItemHub hub) : IMetadataContributor
{
    public void Contribute(GetMetadataResponse response) =>
        response.Workflows = new MetadataWorkflows { ConnectedWorkers = hub.ConnectedStreams };
}
