namespace FinFlow.Sidecar.Workflow.TaskHub;

/// <summary>
/// The service type ASP.NET Core binds <c>TaskHubSidecarService</c> to. Dapr.Workflow.Grpc ships client stubs only,
/// so <see cref="TaskHubServiceMethodProvider"/> adds each RPC by hand from the package's service descriptor.
/// </summary>
public sealed class TaskHubGrpcService;
