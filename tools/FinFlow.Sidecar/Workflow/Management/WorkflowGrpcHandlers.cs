using FinFlow.Sidecar.Api.DaprGrpc;

namespace FinFlow.Sidecar.Workflow.Management;

/// <summary>The workflow management RPCs of <c>dapr.proto.runtime.v1.Dapr</c>; the Alpha1 names are aliases of Beta1, as in daprd.</summary>
public static class WorkflowGrpcHandlers
{
    public static void Map(DaprGrpcMethods methods, WorkflowManagementApi api)
    {
        foreach (var stage in new[] { "Beta1", "Alpha1" })
        {
            methods.MapUnary<Dapr.Client.Autogen.Grpc.v1.StartWorkflowRequest, Dapr.Client.Autogen.Grpc.v1.StartWorkflowResponse>(
                "StartWorkflow" + stage, (request, call) => api.StartAsync(request, null, call.CancellationToken));
            methods.MapUnary<Dapr.Client.Autogen.Grpc.v1.GetWorkflowRequest, Dapr.Client.Autogen.Grpc.v1.GetWorkflowResponse>(
                "GetWorkflow" + stage, (request, call) => api.GetAsync(request, null, call.CancellationToken));
            methods.MapUnary<Dapr.Client.Autogen.Grpc.v1.TerminateWorkflowRequest, Google.Protobuf.WellKnownTypes.Empty>(
                "TerminateWorkflow" + stage, (request, call) => api.TerminateAsync(request, null, call.CancellationToken));
            methods.MapUnary<Dapr.Client.Autogen.Grpc.v1.RaiseEventWorkflowRequest, Google.Protobuf.WellKnownTypes.Empty>(
                "RaiseEventWorkflow" + stage, (request, call) => api.RaiseEventAsync(request, null, call.CancellationToken));
            methods.MapUnary<Dapr.Client.Autogen.Grpc.v1.PauseWorkflowRequest, Google.Protobuf.WellKnownTypes.Empty>(
                "PauseWorkflow" + stage, (request, call) => api.PauseAsync(request, null, call.CancellationToken));
            methods.MapUnary<Dapr.Client.Autogen.Grpc.v1.ResumeWorkflowRequest, Google.Protobuf.WellKnownTypes.Empty>(
                "ResumeWorkflow" + stage, (request, call) => api.ResumeAsync(request, null, call.CancellationToken));
            methods.MapUnary<Dapr.Client.Autogen.Grpc.v1.PurgeWorkflowRequest, Google.Protobuf.WellKnownTypes.Empty>(
                "PurgeWorkflow" + stage, (request, call) => api.PurgeAsync(request, null, call.CancellationToken));
        }
    }
}
