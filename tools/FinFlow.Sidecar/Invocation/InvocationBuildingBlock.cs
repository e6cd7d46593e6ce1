using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Hosting;

namespace FinFlow.Sidecar.Invocation;

/// <summary>Service invocation (contract §4.1-§4.3) on both ports.</summary>
public sealed class InvocationBuildingBlock(InvocationHttpEndpoints http, InvocationGrpcHandler grpc) : IBuildingBlock
{
    public void Map(SidecarEndpoints endpoints)
    {
        http.Map(endpoints);
        endpoints.Dapr.MapUnary<InvokeServiceRequest, InvokeResponse>("InvokeService", grpc.InvokeAsync);
    }
}
